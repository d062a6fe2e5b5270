package io.trailhound.source.cloudtrail;

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
    private final Map<String, Node> children = new HashMap<>(4);
    private int slot = -1;
    private boolean subtree;
    private boolean shared;

    Node child(String name) {
      return children.get(name);
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

  private final Node root = new Node();
  private final Map<String, Integer> slots = new HashMap<>();
  private final Set<String> subtreeRoots;

  private PathTrie(Set<String> subtreeRoots) {
    this.subtreeRoots = Set.copyOf(subtreeRoots);
  }

  /** Builds the trie. {@code subtreeRoots} are top-level member names captured whole as trees. */
  static PathTrie build(Set<String> paths, Set<String> subtreeRoots) {
    PathTrie trie = new PathTrie(subtreeRoots);
    for (String root : subtreeRoots) {
      trie.root.children.computeIfAbsent(root.intern(), k -> new Node()).subtree = true;
    }
    paths.stream().sorted().forEach(trie::add);
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
      node = node.children.computeIfAbsent(segment.intern(), k -> new Node());
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
