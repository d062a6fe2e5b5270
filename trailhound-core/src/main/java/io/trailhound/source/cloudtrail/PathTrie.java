package io.trailhound.source.cloudtrail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The dotted field paths to capture while streaming, as a trie of member names. Each wanted path
 * gets a slot in a {@link Capture}. Paths under a subtree root (e.g. {@code resources}) are not in
 * the trie: the whole subtree is captured as a small tree instead. Paths with empty segments are
 * never covered (they fall back to the tree). Immutable once built, shared between threads.
 */
final class PathTrie {

  static final class Node {
    private final String name;
    private final Map<String, Node> children = new HashMap<>(4);
    private int slot = -1;
    private boolean subtree;
    private boolean shared;

    /** The children by the hash and UTF-8 bytes of their names, for {@link ByteCapturer}. */
    private int[] byteHashes = new int[0];

    private byte[][] byteNames = new byte[0][];
    private Node[] byteChildren = new Node[0];

    Node(String name) {
      this.name = name;
    }

    /** The member name this node stands for ({@code null} for the root). */
    String name() {
      return name;
    }

    Node child(String name) {
      return children.get(name);
    }

    /**
     * The child named by the UTF-8 bytes {@code b[from, from + len)}, whose {@link #hash} is {@code
     * hash}; null when there is none.
     */
    Node child(byte[] b, int from, int len, int hash) {
      int k = childIndex(b, from, len, hash);
      return k < 0 ? null : byteChildren[k];
    }

    /** The position of that child among this node's children (see {@link #child(int)}), or -1. */
    int childIndex(byte[] b, int from, int len, int hash) {
      int[] hashes = byteHashes;
      for (int k = 0; k < hashes.length; k++) {
        if (hashes[k] == hash) {
          byte[] n = byteNames[k];
          if (n.length == len && Arrays.equals(n, 0, len, b, from, from + len)) {
            return k;
          }
        }
      }
      return -1;
    }

    /** The child at position {@code k}. */
    Node child(int k) {
      return byteChildren[k];
    }

    int childCount() {
      return byteChildren.length;
    }

    private void indexBytes() {
      int size = children.size();
      byteHashes = new int[size];
      byteNames = new byte[size][];
      byteChildren = new Node[size];
      int k = 0;
      for (Map.Entry<String, Node> e : children.entrySet()) {
        byte[] utf8 = e.getKey().getBytes(StandardCharsets.UTF_8);
        byteHashes[k] = hash(utf8, 0, utf8.length);
        byteNames[k] = utf8;
        byteChildren[k] = e.getValue();
        e.getValue().indexBytes();
        k++;
      }
    }

    boolean hasChildren() {
      return !children.isEmpty();
    }

    int slot() {
      return slot;
    }

    boolean subtree() {
      return subtree;
    }

    /** Whether string values here go through the {@link ValueCache} (see {@link #share}). */
    boolean shared() {
      return shared;
    }
  }

  private final Node root = new Node(null);
  private final Map<String, Integer> slots = new HashMap<>();
  private final Set<String> subtreeRoots;

  private PathTrie(Set<String> subtreeRoots) {
    this.subtreeRoots = Set.copyOf(subtreeRoots);
  }

  /** Builds the trie. {@code subtreeRoots} are top-level member names captured whole as trees. */
  static PathTrie build(Set<String> paths, Set<String> subtreeRoots) {
    PathTrie trie = new PathTrie(subtreeRoots);
    for (String root : subtreeRoots) {
      trie.root.children.computeIfAbsent(root.intern(), Node::new).subtree = true;
    }
    paths.stream().sorted().forEach(trie::add);
    trie.root.indexBytes();
    return trie;
  }

  private void add(String path) {
    if (!plain(path) || subtreeRootOf(path) != null || slots.containsKey(path)) {
      return;
    }
    Node node = root;
    for (String segment : path.split("\\.", -1)) {
      // Interned like the member names Jackson hands out, so a lookup's equals is one identity
      // test.
      node = node.children.computeIfAbsent(segment.intern(), Node::new);
    }
    node.slot = slots.size();
    slots.put(path, node.slot);
  }

  /**
   * Marks captured paths whose string values repeat across records and key what is grouped and
   * shared downstream (actor, account, region, API), so they are read through a {@link ValueCache}.
   * Paths not captured are ignored.
   */
  PathTrie share(Set<String> paths) {
    for (String path : paths) {
      if (slots.containsKey(path)) {
        Node node = root;
        for (String segment : path.split("\\.", -1)) {
          node = node.children.get(segment);
        }
        node.shared = true;
      }
    }
    return this;
  }

  /**
   * The hash of a member name's UTF-8 bytes that {@link Node#child(byte[], int, int, int)} takes.
   */
  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + (b[i] & 0xff);
    }
    return h;
  }

  static boolean plain(String path) {
    return !path.isEmpty() && !path.startsWith(".") && !path.endsWith(".") && !path.contains("..");
  }

  Node root() {
    return root;
  }

  int slotCount() {
    return slots.size();
  }

  /** The capture slot of {@code path}, or -1 when the path is not captured on its own. */
  int slot(String path) {
    Integer slot = slots.get(path);
    return slot == null ? -1 : slot;
  }

  /** The subtree root covering {@code path}, or null. */
  String subtreeRootOf(String path) {
    if (!plain(path)) {
      return null;
    }
    int dot = path.indexOf('.');
    String first = dot < 0 ? path : path.substring(0, dot);
    return subtreeRoots.contains(first) ? first : null;
  }
}
