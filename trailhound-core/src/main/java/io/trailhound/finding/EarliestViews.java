package io.trailhound.finding;

import io.trailhound.event.EventView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code max} earliest distinct events offered, by time then event id, whatever order they come
 * in: {@link Smallest} specialised for a finding's evidence. Times sit in primitive arrays, so
 * rejecting an offer or finding its place is a few long compares rather than comparator lambdas
 * over tree nodes (the evidence set took a fifth of a scan with ~920k matches). Not thread-safe;
 * the owner synchronises.
 */
final class EarliestViews {

  private final int max;
  private long[] seconds;
  private int[] nanos;
  private EventView[] views;
  private int size;

  EarliestViews(int max) {
    this.max = max;
    int initial = Math.min(max, 8);
    this.seconds = new long[initial];
    this.nanos = new int[initial];
    this.views = new EventView[initial];
  }

  void offer(EventView view) {
    Instant t = view.time();
    long s = t.getEpochSecond();
    int n = t.getNano();
    String id = view.eventId();
    if (size == max && compare(s, n, id, size - 1) >= 0) {
      return;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(s, n, id, mid);
      if (c > 0) {
        lo = mid + 1;
      } else if (c < 0) {
        hi = mid - 1;
      } else {
        return;
      }
    }
    if (size == views.length && size < max) {
      int grown = Math.min(max, size * 2);
      seconds = Arrays.copyOf(seconds, grown);
      nanos = Arrays.copyOf(nanos, grown);
      views = Arrays.copyOf(views, grown);
    }
    int moved = Math.min(size, max - 1) - lo;
    System.arraycopy(seconds, lo, seconds, lo + 1, moved);
    System.arraycopy(nanos, lo, nanos, lo + 1, moved);
    System.arraycopy(views, lo, views, lo + 1, moved);
    seconds[lo] = s;
    nanos[lo] = n;
    views[lo] = view;
    if (size < max) {
      size++;
    }
  }

  private int compare(long s, int n, String id, int i) {
    int c = Long.compare(s, seconds[i]);
    if (c == 0) {
      c = Integer.compare(n, nanos[i]);
    }
    return c != 0 ? c : id.compareTo(views[i].eventId());
  }

  /** The kept events, earliest first. */
  List<EventView> values() {
    return new ArrayList<>(Arrays.asList(views).subList(0, size));
  }
}
