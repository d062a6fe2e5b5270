package io.trailhound.source.cloudtrail;

/**
 * Open-addressing set of non-zero longs (linear probing, power-of-two table, grown at 3/4 load): 8
 * bytes per slot, so between about 10.7 and 21.3 bytes per element. Not thread-safe.
 */
final class LongHashSet {

  private long[] table = new long[1024];
  private int size;

  int size() {
    return size;
  }

  /** Adds {@code key} (never 0); false when it was already present. */
  boolean add(long key) {
    int mask = table.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      long k = table[i];
      if (k == 0) {
        table[i] = key;
        if (++size * 4L > table.length * 3L) {
          grow();
        }
        return true;
      }
      if (k == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long key : old) {
      if (key != 0) {
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = key;
      }
    }
  }
}
