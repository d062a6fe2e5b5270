package io.trailhound.finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code max} smallest distinct values offered, whatever order they come in: what keeps a
 * finding's evidence deterministic and bounded. A sorted array searched by bisection: the sets are
 * small (a handful of keys, addresses or resources), and a group of a few dozen matches inserts
 * into them often enough that tree nodes and rebalancing showed in profiles. Not thread-safe; the
 * owner synchronises.
 */
final class Smallest<T> {

  private final int max;
  private final Comparator<? super T> order;
  private Object[] kept = new Object[2];
  private int size;

  Smallest(int max, Comparator<? super T> order) {
    this.max = max;
    this.order = order;
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
        append(size, value);
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
    append(lo, value);
  }

  /** Inserts at {@code at}, dropping the largest when full. */
  private void append(int at, T value) {
    if (size == kept.length && size < max) {
      kept = Arrays.copyOf(kept, Math.min(max, size * 2));
    }
    int moved = Math.min(size, max - 1) - at;
    System.arraycopy(kept, at, kept, at + 1, moved);
    kept[at] = value;
    if (size < max) {
      size++;
    }
  }

  /** Offers every value {@code other} kept. */
  @SuppressWarnings("unchecked")
  void offerAll(Smallest<T> other) {
    for (int i = 0; i < other.size; i++) {
      offer((T) other.kept[i]);
    }
  }

  @SuppressWarnings("unchecked")
  List<T> values() {
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add((T) kept[i]);
    }
    return out;
  }
}
