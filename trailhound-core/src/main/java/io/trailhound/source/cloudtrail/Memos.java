package io.trailhound.source.cloudtrail;

import java.util.Arrays;

/**
 * The objects one byte-level capturer remembers (see {@link PathTrie#memo}): sets of {@link #WAYS}
 * entries chosen by an object's first {@link #KEY} bytes, since many differ only further on (one
 * role's sessions); a full set gives up its oldest entry. Bounded: {@link #SETS} × {@link #WAYS}
 * entries of at most {@link #MAX_BYTES} bytes each, at most 8 MiB, typically a few hundred KiB. Not
 * thread-safe; one per capturer.
 */
final class Memos {

  private static final int SETS = 1024;
  private static final int WAYS = 4;
  private static final int KEY = 64;

  /** Longer objects are not remembered. */
  static final int MAX_BYTES = 2048;

  private final Memo[] entries = new Memo[SETS * WAYS];
  private final byte[] next = new byte[SETS];

  /** The set of the object starting at {@code b[start]}, of the input that ends at {@code n}. */
  static int set(byte[] b, int start, int n) {
    int len = Math.min(KEY, n - start);
    long h = len;
    int k = 0;
    for (; k + 8 <= len; k += 8) {
      h = (h ^ PathTrie.first(b, start + k, 8)) * 0x9E3779B97F4A7C15L;
    }
    for (; k < len; k++) {
      h = (h ^ b[start + k]) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SETS - 1);
  }

  /**
   * The entry of {@code set} that remembers the bytes at {@code b[start]} (the input ends at {@code
   * n}) at member {@code node}, read as a line or not as {@code line} says; null when none does.
   */
  Memo find(int set, PathTrie.Node node, byte[] b, int start, int n, boolean line) {
    int base = set * WAYS;
    for (int e = base; e < base + WAYS; e++) {
      Memo m = entries[e];
      if (m != null
          && m.node == node
          && m.line == line
          && m.length <= n - start
          && Arrays.equals(m.bytes, 0, m.length, b, start, start + m.length)) {
        return m;
      }
    }
    return null;
  }

  /** Remembers {@code m} in {@code set}, in place of the set's oldest entry. */
  void add(int set, Memo m) {
    entries[set * WAYS + next[set]] = m;
    next[set] = (byte) ((next[set] + 1) & (WAYS - 1));
  }
}
