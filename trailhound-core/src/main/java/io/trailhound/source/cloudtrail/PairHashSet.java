package io.trailhound.source.cloudtrail;

/**
 * Open-addressing set of 128-bit values held as two longs side by side in one array, so a probe
 * reads one cache line (linear probing, power-of-two table, grown at 3/4 load): 16 bytes per slot,
 * so between about 21 and 43 bytes per element. The pair (0, 0) marks an empty slot and is
 * remembered apart. Not thread-safe.
 */
final class PairHashSet {

  /** Slot {@code i} is {@code table[2i]} (high half) and {@code table[2i + 1]} (low half). */
  private long[] table = new long[2 * 1024];

  private boolean zero;
  private int size;

  int size() {
    return size;
  }

  /** Adds the pair; false when it was already present. */
  boolean add(long h, long l) {
    if (h == 0 && l == 0) {
      if (zero) {
        return false;
      }
      zero = true;
      size++;
      return true;
    }
    int mask = (table.length >> 1) - 1;
    int i = slot(h, l) & mask;
    while (true) {
      long kh = table[2 * i];
      long kl = table[2 * i + 1];
      if (kh == 0 && kl == 0) {
        table[2 * i] = h;
        table[2 * i + 1] = l;
        if (++size * 8L > table.length * 3L) {
          grow();
        }
        return true;
      }
      if (kh == h && kl == l) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Where a pair starts probing: both halves mixed (a UUID's version and variant bits sit in fixed
   * places, and a time-based id's high half changes slowly).
   */
  static int slot(long h, long l) {
    long x = h * 0x9e3779b97f4a7c15L ^ l;
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return (int) x;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = (table.length >> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      long h = old[j];
      long l = old[j + 1];
      if (h != 0 || l != 0) {
        int i = slot(h, l) & mask;
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        table[2 * i] = h;
        table[2 * i + 1] = l;
      }
    }
  }
}
