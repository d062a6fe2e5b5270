package io.trailhound.detect.correlation;

import io.trailhound.event.EventView;
import io.trailhound.rule.sigma.CorrelationRule;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One firing of a correlation rule for one group.
 *
 * @param rule the correlation rule
 * @param groups group-by field (or alias) → the value shared by the contributing events, in
 *     group-by order
 * @param windowStart event time of the earliest event of the window
 * @param windowEnd {@code windowStart} plus the rule's timespan (the window is inclusive at both
 *     ends)
 * @param eventCount how many events the window holds (may exceed {@code events.size()})
 * @param aggregate the value the condition was tested on: a count, distinct count, sum, average,
 *     percentile, or the number of referenced rules seen (temporal types)
 * @param events normalised views of the contributing events, earliest first, capped
 */
public record CorrelationResult(
    CorrelationRule rule,
    Map<String, String> groups,
    Instant windowStart,
    Instant windowEnd,
    long eventCount,
    double aggregate,
    List<EventView> events) {

  public CorrelationResult {
    Objects.requireNonNull(rule, "rule");
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    events = List.copyOf(events);
  }

  /** Ids of the contributing events, earliest first (capped like {@link #events}). */
  public List<String> eventIds() {
    return events.stream().map(EventView::eventId).toList();
  }

  /** Event time of the latest contributing event kept. */
  public Instant lastSeen() {
    return events.isEmpty() ? windowStart : events.get(events.size() - 1).time();
  }
}
