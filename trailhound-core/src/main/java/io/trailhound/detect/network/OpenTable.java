package io.trailhound.detect.network;

import java.util.function.Consumer;

/**
 * A hash table of state entries that carry their own key, for the flow detectors' per-key state: no
 * key object, no map node and no allocation to look an entry up, so millions of records over
 * hundreds of thousands of keys leave little for the garbage collector to copy. Open addressing
 * with linear probing; the caller walks the probe sequence and compares its key fields:
 *
 * <pre>{@code
 * int h = OpenTable.hash(...);
 * int i = table.start(h);
 * E e;
 * while ((e = table.at(i)) != null && !(table.hashAt(i) == h && e.is(...))) i = table.next(i);
 * if (e == null) table.put(i, h, e = new E(...));
 * }</pre>
 *
 * Not thread-safe: a detection shard owns its detectors.
 */
final class OpenTable<E> {

  private Object[] slots = new Object[64];
  // The key hash of each slot: probing compares it first, growing reuses it.
  private int[] hashes = new int[64];
  private int size;

  int size() {
    return size;
  }

  /** The first slot to probe for {@code hash}. */
  int start(int hash) {
    return spread(hash) & (slots.length - 1);
  }

  /** The slot after {@code i}. */
  int next(int i) {
    return (i + 1) & (slots.length - 1);
  }

  /** The entry in slot {@code i}, or null. */
  @SuppressWarnings("unchecked")
  E at(int i) {
    return (E) slots[i];
  }

  /** The key hash of the entry in slot {@code i}. */
  int hashAt(int i) {
    return hashes[i];
  }

  /**
   * Puts {@code e}, whose key hashes to {@code hash}, in the empty slot {@code i} found by probing.
   */
  void put(int i, int hash, E e) {
    slots[i] = e;
    hashes[i] = hash;
    if (++size * 2 > slots.length) {
      Object[] old = slots;
      int[] oldHashes = hashes;
      slots = new Object[old.length * 2];
      hashes = new int[old.length * 2];
      int mask = slots.length - 1;
      for (int k = 0; k < old.length; k++) {
        if (old[k] != null) {
          int j = spread(oldHashes[k]) & mask;
          while (slots[j] != null) {
            j = (j + 1) & mask;
          }
          slots[j] = old[k];
          hashes[j] = oldHashes[k];
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  void forEach(Consumer<E> action) {
    for (Object e : slots) {
      if (e != null) {
        action.accept((E) e);
      }
    }
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /** A hash of key fields, for {@link Entry#hash}. */
  static int hash(Object a, long b, Object c, long d) {
    int h = a == null ? 0 : a.hashCode();
    h = 31 * h + Long.hashCode(b);
    h = 31 * h + (c == null ? 0 : c.hashCode());
    return 31 * h + Long.hashCode(d);
  }
}
