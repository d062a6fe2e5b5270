package io.trailhound.finding;

import io.trailhound.event.EventIdBits;
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
 *
 * <p>Only the first {@code samples} places keep the whole view; the others keep the event id. An
 * insert only ever moves kept events to later places, so an event past the samples never comes back
 * into them, and its view is not needed again. Dropping those views keeps a finding's memory to
 * ids, which matters when thousands of findings each hold a hundred events through the scan.
 */
final class EarliestViews {

  private final int max;
  private final int samples;
  private long[] seconds;
  private int[] nanos;

  /**
   * The kept ids: canonical UUIDs packed into {@link #high}/{@link #low} with a null here, any
   * other id as its string. Packing keeps a finding from holding a string per evidence event: with
   * a hundred per finding and thousands of findings that was most of what young collections copied.
   */
  private String[] ids;

  private long[] high;
  private long[] low;
  private final EventView[] views;
  private int size;

  EarliestViews(int max, int samples) {
    this.max = max;
    this.samples = Math.min(samples, max);
    int initial = Math.min(max, 8);
    this.seconds = new long[initial];
    this.nanos = new int[initial];
    this.ids = new String[initial];
    this.high = new long[initial];
    this.low = new long[initial];
    this.views = new EventView[this.samples];
  }

  void offer(EventView view) {
    Instant t = view.time();
    long s = t.getEpochSecond();
    int n = t.getNano();
    if (size == max && compareTime(s, n, size - 1) > 0) {
      return;
    }
    String id = view.eventId();
    boolean packed = EventIdBits.packable(id);
    long h = packed ? EventIdBits.high(id) : 0;
    long l = packed ? EventIdBits.low(id) : 0;
    offer(s, n, id, packed, h, l, view);
  }

  /**
   * Offers every event {@code other} kept. An event past {@code other}'s samples has at least as
   * many earlier events here once they are all offered, so it never needs the view {@code other}
   * dropped.
   */
  void offerAll(EarliestViews other) {
    for (int i = 0; i < other.size; i++) {
      boolean packed = other.ids[i] == null;
      offer(
          other.seconds[i],
          other.nanos[i],
          other.id(i),
          packed,
          other.high[i],
          other.low[i],
          i < other.samples ? other.views[i] : null);
    }
  }

  /** A copy holding the same events, independent of this one. */
  EarliestViews copy() {
    EarliestViews c = new EarliestViews(max, samples);
    c.seconds = seconds.clone();
    c.nanos = nanos.clone();
    c.ids = ids.clone();
    c.high = high.clone();
    c.low = low.clone();
    System.arraycopy(views, 0, c.views, 0, views.length);
    c.size = size;
    return c;
  }

  private void offer(long s, int n, String id, boolean packed, long h, long l, EventView view) {
    if (size == max && compare(s, n, id, packed, h, l, size - 1) >= 0) {
      return;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(s, n, id, packed, h, l, mid);
      if (c > 0) {
        lo = mid + 1;
      } else if (c < 0) {
        hi = mid - 1;
      } else {
        return;
      }
    }
    if (size == ids.length && size < max) {
      int grown = Math.min(max, size * 2);
      seconds = Arrays.copyOf(seconds, grown);
      nanos = Arrays.copyOf(nanos, grown);
      ids = Arrays.copyOf(ids, grown);
      high = Arrays.copyOf(high, grown);
      low = Arrays.copyOf(low, grown);
    }
    int moved = Math.min(size, max - 1) - lo;
    System.arraycopy(seconds, lo, seconds, lo + 1, moved);
    System.arraycopy(nanos, lo, nanos, lo + 1, moved);
    System.arraycopy(ids, lo, ids, lo + 1, moved);
    System.arraycopy(high, lo, high, lo + 1, moved);
    System.arraycopy(low, lo, low, lo + 1, moved);
    seconds[lo] = s;
    nanos[lo] = n;
    ids[lo] = packed ? null : id;
    high[lo] = h;
    low[lo] = l;
    if (lo < samples) {
      int movedViews = Math.min(size, samples - 1) - lo;
      System.arraycopy(views, lo, views, lo + 1, movedViews);
      views[lo] = view;
    }
    if (size < max) {
      size++;
    }
  }

  private int compareTime(long s, int n, int i) {
    int c = Long.compare(s, seconds[i]);
    return c != 0 ? c : Integer.compare(n, nanos[i]);
  }

  private int compare(long s, int n, String id, boolean packed, long h, long l, int i) {
    int c = compareTime(s, n, i);
    if (c != 0) {
      return c;
    }
    if (packed && ids[i] == null) {
      c = Long.compareUnsigned(h, high[i]);
      return c != 0 ? c : Long.compareUnsigned(l, low[i]);
    }
    return id.compareTo(id(i));
  }

  private String id(int i) {
    return ids[i] != null ? ids[i] : EventIdBits.text(high[i], low[i]);
  }

  /** Whether {@code max} events are kept: a later time than the last kept one is not. */
  boolean full() {
    return size == max;
  }

  /** The time of the latest kept event, in seconds (when any is kept). */
  long lastSeconds() {
    return seconds[size - 1];
  }

  /** The nanoseconds of the latest kept event's time (when any is kept). */
  int lastNanos() {
    return nanos[size - 1];
  }

  /** The kept events' ids, earliest first. */
  List<String> ids() {
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(id(i));
    }
    return out;
  }

  /** The views of the earliest kept events, at most {@code samples}, earliest first. */
  List<EventView> samples() {
    return new ArrayList<>(Arrays.asList(views).subList(0, Math.min(size, samples)));
  }
}
