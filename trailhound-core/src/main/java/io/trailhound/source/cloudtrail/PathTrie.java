package io.trailhound.source.cloudtrail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
    private boolean memo;
    private boolean identity;

    /**
     * The children by the length, first and last eight bytes ({@link #first}, {@link #last}) and
     * UTF-8 bytes of their names, for {@link ByteCapturer}.
     */
    private int[] byteLengths = new int[0];

    private long[] byteFirsts = new long[0];
    private long[] byteLasts = new long[0];
    private byte[][] byteNames = new byte[0][];
    private Node[] byteChildren = new Node[0];

    /**
     * Open addressing over the children by {@link #bucket}: position + 1, 0 for empty; at most half
     * full, so a member name no rule wants (most names of a record) costs a probe or two instead of
     * a pass over every child.
     */
    private int[] byteTable = new int[1];

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
     * The position among this node's children (see {@link #child(int)}) of the child named by the
     * UTF-8 bytes {@code b[from, from + len)}, whose {@link #first} and {@link #last} words are
     * given; -1 when there is none.
     */
    int childIndex(byte[] b, int from, int len, long first, long last) {
      int[] table = byteTable;
      int mask = table.length - 1;
      for (int h = bucket(len, first) & mask; ; h = (h + 1) & mask) {
        int k = table[h] - 1;
        if (k < 0) {
          return -1;
        }
        if (byteLengths[k] == len
            && byteFirsts[k] == first
            && byteLasts[k] == last
            && (len <= 16 || same(byteNames[k], 0, b, from, len))) {
          return k;
        }
      }
    }

    /** Where a name of this length and first word starts probing {@link #byteTable}. */
    private static int bucket(int len, long first) {
      long x = (first + len) * 0x9E3779B97F4A7C15L;
      return (int) (x >>> 40);
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
      byteLengths = new int[size];
      byteFirsts = new long[size];
      byteLasts = new long[size];
      byteNames = new byte[size][];
      byteChildren = new Node[size];
      int k = 0;
      for (Map.Entry<String, Node> e : children.entrySet()) {
        byte[] utf8 = e.getKey().getBytes(StandardCharsets.UTF_8);
        byteLengths[k] = utf8.length;
        byteFirsts[k] = first(utf8, 0, utf8.length);
        byteLasts[k] = last(utf8, 0, utf8.length);
        byteNames[k] = utf8;
        byteChildren[k] = e.getValue();
        e.getValue().indexBytes();
        k++;
      }
      int capacity = Integer.highestOneBit(Math.max(size, 1) * 4 - 1) << 1;
      byteTable = new int[capacity];
      for (int c = 0; c < size; c++) {
        int h = bucket(byteLengths[c], byteFirsts[c]) & (capacity - 1);
        while (byteTable[h] != 0) {
          h = (h + 1) & (capacity - 1);
        }
        byteTable[h] = c + 1;
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

    /** Whether an object value here is remembered by its bytes (see {@link #memo}). */
    boolean memo() {
      return memo;
    }

    /** Whether this remembered member is the caller's identity (see {@link #memo}). */
    boolean identity() {
      return identity;
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
    return build(paths, subtreeRoots, List.of());
  }

  /**
   * Builds the trie, numbering the {@code dense} paths that are among {@code paths} first, in their
   * order (see {@link #dense()}), then the others.
   */
  static PathTrie build(Set<String> paths, Set<String> subtreeRoots, List<String> dense) {
    PathTrie trie = new PathTrie(subtreeRoots);
    for (String root : subtreeRoots) {
      trie.root.children.computeIfAbsent(root.intern(), Node::new).subtree = true;
    }
    dense.stream().filter(paths::contains).forEach(trie::add);
    trie.dense = trie.slots.size();
    paths.stream().sorted().forEach(trie::add);
    trie.root.indexBytes();
    return trie;
  }

  private int dense;

  /**
   * How many slots, from 0, were numbered first: the paths nearly every record holds (the
   * normaliser's). A {@link Capture} keeps them in an array by slot and the few others a record
   * holds (of the hundred or more rules may want) in a short list, so a record does not carry an
   * array as long as every path wanted.
   */
  int dense() {
    return dense;
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
   * Marks top-level members whose object values repeat byte for byte from record to record (the
   * caller's {@code userIdentity}, a routine call's parameters), so the byte-level capture reads
   * each distinct value once and replays what it captured when the same bytes come again; {@code
   * identity} is the one whose remembered value also keeps the normalised actor. Members that are
   * not captured objects are ignored.
   */
  PathTrie memo(Set<String> names, String identity) {
    for (String name : names) {
      Node node = root.children.get(name);
      if (node != null && node.hasChildren() && !node.subtree) {
        node.memo = true;
        node.identity = name.equals(identity);
      }
    }
    return this;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The first eight bytes of {@code b[from, from + len)} as a little-endian word, zero-padded when
   * shorter. With {@link #last} and the length it tells names of up to 16 bytes apart exactly.
   */
  static long first(byte[] b, int from, int len) {
    if (len >= 8) {
      return (long) LONGS.get(b, from);
    }
    if (from + 8 <= b.length) {
      return (long) LONGS.get(b, from) & ((1L << (len << 3)) - 1);
    }
    long w = 0;
    for (int k = len - 1; k >= 0; k--) {
      w = (w << 8) | (b[from + k] & 0xff);
    }
    return w;
  }

  /**
   * Whether {@code a[ao, ao + len)} and {@code b[bo, bo + len)} hold the same bytes; eight at a
   * time, which for the short runs compared here beats the general {@code Arrays.equals}.
   */
  static boolean same(byte[] a, int ao, byte[] b, int bo, int len) {
    int k = 0;
    for (; k <= len - 8; k += 8) {
      if ((long) LONGS.get(a, ao + k) != (long) LONGS.get(b, bo + k)) {
        return false;
      }
    }
    if (k < len && len >= 8) {
      return (long) LONGS.get(a, ao + len - 8) == (long) LONGS.get(b, bo + len - 8);
    }
    for (; k < len; k++) {
      if (a[ao + k] != b[bo + k]) {
        return false;
      }
    }
    return true;
  }

  /** The last eight bytes of {@code b[from, from + len)} when it is longer than eight, else 0. */
  static long last(byte[] b, int from, int len) {
    return len > 8 ? (long) LONGS.get(b, from + len - 8) : 0;
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

  /** {@link #lookup}'s answer for a path under a subtree root. */
  static final int UNDER_SUBTREE = -2;

  /** A path and what {@link #lookup} answered for it. */
  private record Answer(String path, int slot) {}

  /**
   * Recent answers of {@link #lookup}, by the identity of the path asked for: rules ask for the
   * same path objects for every event, so most questions cost an identity hash and a comparison
   * instead of a string hash and a map lookup. Entries are immutable and replaced whole, so threads
   * may race on them harmlessly.
   */
  private final Answer[] answers = new Answer[512];

  /**
   * What the capture holds for {@code path}: its slot, {@link #UNDER_SUBTREE} when a subtree root
   * covers it, or -1 when neither (the path is read from the raw record).
   */
  int lookup(String path) {
    int h = System.identityHashCode(path) & (answers.length - 1);
    Answer a = answers[h];
    if (a != null && a.path == path) {
      return a.slot;
    }
    int slot = slot(path);
    if (slot < 0 && subtreeRootOf(path) != null) {
      slot = UNDER_SUBTREE;
    }
    answers[h] = new Answer(path, slot);
    return slot;
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
