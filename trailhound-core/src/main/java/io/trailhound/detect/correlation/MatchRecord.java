package io.trailhound.detect.correlation;

import io.trailhound.event.EventView;
import java.util.Comparator;
import java.util.List;

/**
 * What a correlation keeps of one match: event time, a unique id, which referenced rule matched,
 * the aggregated value (if any), and the event view(s) it stands for (one for a detection-rule
 * match; the contributing events of a chained correlation's result).
 */
record MatchRecord(long time, String id, int input, String value, List<EventView> views) {

  /** Event time, then id, then input: a total order independent of arrival. */
  static final Comparator<MatchRecord> ORDER = MatchRecord::compare;

  /** {@link #ORDER} written out: sorting a burst group's records calls it millions of times. */
  private static int compare(MatchRecord a, MatchRecord b) {
    int c = Long.compare(a.time, b.time);
    if (c == 0) {
      c = a.id.compareTo(b.id);
    }
    return c != 0 ? c : Integer.compare(a.input, b.input);
  }
}
