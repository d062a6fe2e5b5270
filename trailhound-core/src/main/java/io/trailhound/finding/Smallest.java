package io.trailhound.finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code max} smallest distinct values offered, whatever order they come in: what keeps a
 * finding's evidence deterministic and bounded. Not thread-safe; the owner synchronises.
 */
final class Smallest<T> {

  private final int max;
  private final Comparator<? super T> order;

  /** The kept values, ascending; a sorted array rather than a tree: a few compares, no nodes. */
  private final Object[] kept;

  private int size;

  Smallest(int max, Comparator<? super T> order) {
    this.max = max;
    this.order = order;
    this.kept = new Object[max];
  }

  @SuppressWarnings("unchecked")
  void offer(T value) {
    if (value == null) {
      return;
    }
    // One compare with the largest kept decides most offers: once full, most values are larger;
    // and a finding's key or address is mostly the same value every time.
    if (size > 0) {
      int c = order.compare(value, (T) kept[size - 1]);
      if (c == 0 || (c > 0 && size >= max)) {
        return;
      }
      if (c > 0) {
        kept[size++] = value;
        return;
      }
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = order.compare(value, (T) kept[mid]);
      if (c > 0) {
        lo = mid + 1;
      } else if (c < 0) {
        hi = mid - 1;
      } else {
        return;
      }
    }
    int moved = Math.min(size, max - 1) - lo;
    System.arraycopy(kept, lo, kept, lo + 1, moved);
    kept[lo] = value;
    if (size < max) {
      size++;
    }
  }

  @SuppressWarnings("unchecked")
  List<T> values() {
    List<T> out = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      out.add((T) kept[k]);
    }
    return out;
  }
}
