package io.trailhound.scan;

import io.trailhound.detect.correlation.CorrelationResult;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingIds;
import io.trailhound.finding.RuleInfo;
import io.trailhound.rule.sigma.CorrelationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns correlation results into {@link Finding}s, the way single-event matches become them. */
public final class CorrelationFindings {

  private static final int MAX_KEYS = 5;
  private static final int MAX_IPS = 10;
  private static final int MAX_RESOURCES = 25;
  private static final int MAX_SAMPLES = 5;

  private CorrelationFindings() {}

  /**
   * The finding metadata of a correlation rule: level → severity, {@code attack.*} tags →
   * techniques and tactics, the {@code finding_types} custom attribute → types.
   */
  public static RuleInfo info(CorrelationRule rule) {
    return RuleInfos.of(rule);
  }

  /**
   * One finding per result. Account, region and actor come from the earliest contributing event;
   * keys, addresses and resources from all kept ones; the evidence is the contributing event ids.
   * The id derives from rule, group values and window start, so the same input gives the same id.
   */
  public static Finding toFinding(CorrelationResult result) {
    List<EventView> events = result.events();
    EventView first = events.isEmpty() ? null : events.get(0);
    TreeSet<String> keys = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    TreeMap<String, Resource> resources = new TreeMap<>();
    for (EventView v : events) {
      add(keys, v.actor().accessKeyId(), MAX_KEYS);
      add(ips, v.source().ip(), MAX_IPS);
      for (Resource r : v.resources()) {
        if (r.arn() != null
            && (resources.size() < MAX_RESOURCES || resources.containsKey(r.arn()))) {
          resources.putIfAbsent(r.arn(), r);
        }
      }
    }
    String key =
        String.join(
            "|",
            result.rule().ruleId(),
            String.join("|", result.groups().values()),
            result.windowStart().toString());
    return new Finding(
        FindingIds.stable(key),
        key,
        info(result.rule()),
        first == null ? null : first.account(),
        first == null ? null : first.region(),
        first == null ? "" : first.actor().display(),
        first == null ? null : first.actor().type(),
        new ArrayList<>(keys),
        new ArrayList<>(ips),
        new ArrayList<>(resources.values()),
        first == null ? result.windowStart() : first.time(),
        result.lastSeen(),
        result.eventCount(),
        result.eventIds(),
        events.subList(0, Math.min(MAX_SAMPLES, events.size())),
        "");
  }

  /** {@link #toFinding} for each result, in the results' order. */
  public static List<Finding> toFindings(List<CorrelationResult> results) {
    return results.stream().map(CorrelationFindings::toFinding).toList();
  }

  private static void add(TreeSet<String> set, String value, int max) {
    if (value != null && !value.isEmpty()) {
      set.add(value);
      if (set.size() > max) {
        set.pollLast();
      }
    }
  }
}
