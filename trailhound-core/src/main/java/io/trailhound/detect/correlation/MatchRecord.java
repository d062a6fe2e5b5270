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
  static final Comparator<MatchRecord> ORDER =
      Comparator.comparingLong(MatchRecord::time)
          .thenComparing(MatchRecord::id)
          .thenComparingInt(MatchRecord::input);
}
