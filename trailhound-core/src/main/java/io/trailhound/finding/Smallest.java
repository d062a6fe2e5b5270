package io.trailhound.finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code max} smallest distinct values offered, whatever order they come in: what keeps a
 * finding's evidence deterministic and bounded. Not thread-safe; the owner synchronises.
 */
final class Smallest<T> {

  private final int max;
  private final Comparator<? super T> order;
  private final TreeSet<T> kept;
  private T largestKept;

  Smallest(int max, Comparator<? super T> order) {
    this.max = max;
    this.order = order;
    this.kept = new TreeSet<>(order);
  }

  void offer(T value) {
    if (value == null) {
      return;
    }
    // One compare with the largest kept decides most offers: once full, most values are larger;
    // and a finding's key or address is mostly the same value every time.
    if (largestKept != null) {
      int c = order.compare(value, largestKept);
      if (c == 0 || (c > 0 && kept.size() >= max)) {
        return;
      }
    }
    if (kept.add(value)) {
      if (kept.size() > max) {
        kept.pollLast();
      }
      largestKept = kept.last();
    }
  }

  List<T> values() {
    return new ArrayList<>(kept);
  }
}
