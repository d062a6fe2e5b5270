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
    // Once full, most offers are larger than everything kept: one compare decides.
    if (value == null || (kept.size() >= max && order.compare(value, largestKept) >= 0)) {
      return;
    }
    // A finding's key or address is mostly the same every time: spare the tree walk.
    if (largestKept != null && order.compare(value, largestKept) == 0) {
      return;
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
