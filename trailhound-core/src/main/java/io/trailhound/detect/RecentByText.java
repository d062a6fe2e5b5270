package io.trailhound.detect;

/**
 * Recent answers by text, for questions whose answer depends on the text alone and costs more than
 * a lookup: log fields such as event names and user agents repeat across millions of events.
 * Direct-mapped, so a newer text evicts the one in its slot; immutable entries written by any
 * thread without a lock (an entry is published whole through its final fields, and a lost write
 * only costs a recomputation).
 *
 * @param <V> the answer; never null
 */
final class RecentByText<V> {

  private record Entry<V>(String text, int hash, V value) {}

  private final Entry<V>[] slots;

  /**
   * @param size number of slots, a power of two
   */
  @SuppressWarnings("unchecked")
  RecentByText(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    this.slots = (Entry<V>[]) new Entry<?>[size];
  }

  /** The answer remembered for {@code text}, or null. */
  V get(String text) {
    int h = text.hashCode();
    Entry<V> e = slots[slot(h)];
    return e != null && e.hash == h && (e.text == text || e.text.equals(text)) ? e.value : null;
  }

  /** Remembers {@code value} for {@code text}, in place of whatever shared its slot. */
  void put(String text, V value) {
    int h = text.hashCode();
    slots[slot(h)] = new Entry<>(text, h, value);
  }

  private int slot(int h) {
    return (h ^ (h >>> 16)) & (slots.length - 1);
  }
}
