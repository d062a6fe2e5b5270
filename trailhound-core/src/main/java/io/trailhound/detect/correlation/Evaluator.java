package io.trailhound.detect.correlation;

import io.trailhound.event.EventView;
import io.trailhound.rule.sigma.CorrelationCondition;
import io.trailhound.rule.sigma.CorrelationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one (correlation, group) over its match records sorted by event time.
 *
 * <p>Windows are anchored at each record in turn and hold every record at most {@code timespan}
 * later (inclusive at both ends). The earliest anchored window that meets the condition fires;
 * evaluation resumes after the last record of that window, so results do not overlap. For
 * thresholds that grow with the window (gt/gte on counts and sums) this finds every burst: any
 * window meeting the condition contains an anchored window that meets it too.
 */
final class Evaluator {

  private static final Comparator<EventView> EARLIEST =
      Comparator.comparing(EventView::time).thenComparing(EventView::eventId);

  private Evaluator() {}

  static List<CorrelationResult> evaluate(
      Compiled c, List<String> groupValues, List<MatchRecord> sorted, int maxEvidence) {
    Map<String, String> groups = new LinkedHashMap<>();
    List<String> groupBy = c.correlation().groupBy();
    for (int i = 0; i < groupBy.size(); i++) {
      groups.put(groupBy.get(i), groupValues.get(i));
    }
    if (c.type() == CorrelationType.TEMPORAL_ORDERED) {
      return ordered(c, groups, sorted, maxEvidence);
    }
    List<MatchRecord> records = c.type().isTemporal() ? sorted : oncePerEvent(sorted);
    return sliding(c, groups, records, maxEvidence);
  }

  /** One record per event: an event matched by two referenced rules counts once. */
  private static List<MatchRecord> oncePerEvent(List<MatchRecord> sorted) {
    List<MatchRecord> out = new ArrayList<>(sorted.size());
    MatchRecord previous = null;
    for (MatchRecord r : sorted) {
      if (previous == null || previous.time() != r.time() || !previous.id().equals(r.id())) {
        out.add(r);
      }
      previous = r;
    }
    return out;
  }

  private static List<CorrelationResult> sliding(
      Compiled c, Map<String, String> groups, List<MatchRecord> records, int maxEvidence) {
    List<CorrelationResult> out = new ArrayList<>();
    CorrelationCondition condition = c.correlation().condition();
    Aggregate agg = Aggregate.of(c.type(), c.inputs().size(), condition.percentile());
    long span = c.spanMillis();
    int n = records.size();
    int end = 0;
    int i = 0;
    while (i < n) {
      long start = records.get(i).time();
      while (end < n && records.get(end).time() - start <= span) {
        agg.add(records.get(end++));
      }
      double value = agg.value();
      if (holds(c, condition, value)) {
        out.add(result(c, groups, records.subList(i, end), start, value, maxEvidence));
        for (int k = i; k < end; k++) {
          agg.remove(records.get(k));
        }
        i = end;
      } else {
        agg.remove(records.get(i++));
      }
    }
    return out;
  }

  private static List<CorrelationResult> ordered(
      Compiled c, Map<String, String> groups, List<MatchRecord> records, int maxEvidence) {
    List<CorrelationResult> out = new ArrayList<>();
    CorrelationCondition condition = c.correlation().condition();
    int steps = c.inputs().size();
    long span = c.spanMillis();
    int n = records.size();
    int i = 0;
    while (i < n) {
      if (records.get(i).input() != 0) {
        i++;
        continue;
      }
      long start = records.get(i).time();
      int bucket = i;
      while (bucket > 0 && records.get(bucket - 1).time() == start) {
        bucket--;
      }
      List<MatchRecord> chain = new ArrayList<>();
      chain.add(records.get(i));
      int lastIndex = i;
      int j = bucket;
      while (j < n && chain.size() < steps && records.get(j).time() - start <= span) {
        int bucketEnd = j;
        while (bucketEnd < n && records.get(bucketEnd).time() == records.get(j).time()) {
          bucketEnd++;
        }
        // Within one timestamp any order counts as "in order": take expected steps until none.
        boolean progress = true;
        while (progress && chain.size() < steps) {
          progress = false;
          for (int k = j; k < bucketEnd; k++) {
            if (k != i
                && records.get(k).input() == chain.size()
                && !chain.contains(records.get(k))) {
              chain.add(records.get(k));
              lastIndex = Math.max(lastIndex, k);
              progress = true;
            }
          }
        }
        j = bucketEnd;
      }
      double value = chain.size();
      if (holds(c, condition, value) && chain.size() > 1) {
        out.add(result(c, groups, chain, start, value, maxEvidence));
        i = lastIndex + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean holds(Compiled c, CorrelationCondition condition, double value) {
    if (condition.comparisons().isEmpty()) {
      return value >= c.inputs().size();
    }
    return condition.test(value);
  }

  private static CorrelationResult result(
      Compiled c,
      Map<String, String> groups,
      List<MatchRecord> window,
      long start,
      double value,
      int maxEvidence) {
    List<EventView> views = new ArrayList<>();
    for (MatchRecord r : window) {
      views.addAll(r.views());
    }
    views.sort(EARLIEST);
    List<EventView> kept = new ArrayList<>();
    EventView previous = null;
    for (EventView v : views) {
      if ((previous == null || !previous.eventId().equals(v.eventId()))
          && kept.size() < maxEvidence) {
        kept.add(v);
      }
      previous = v;
    }
    Instant from = Instant.ofEpochMilli(start);
    return new CorrelationResult(
        c.rule(), groups, from, from.plus(c.correlation().timespan()), window.size(), value, kept);
  }
}
