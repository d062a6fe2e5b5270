package io.trailhound.store;

import java.time.Instant;

/**
 * Event times from {@code from} (inclusive) to {@code to} (exclusive); a null end is open.
 *
 * @param from earliest event time, or null
 * @param to first event time after the range, or null
 */
public record TimeRange(Instant from, Instant to) {

  /** Every time. */
  public static final TimeRange ALL = new TimeRange(null, null);

  public TimeRange {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("time range ends before it starts: " + from + " " + to);
    }
  }
}
