package io.trailhound.finding;

import io.trailhound.event.Event;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns rule matches into findings. Thread-safe: worker threads call {@link #add} concurrently.
 *
 * <p>Matches of one rule by one actor in one account and region on one UTC day (event time) become
 * one finding. Grouping by a fixed day rather than by gaps between events keeps the result
 * independent of the order files are read in, which is arbitrary when files are read in parallel.
 * Memory per finding is bounded: the earliest {@link #MAX_EVIDENCE} event ids are kept, plus
 * counts.
 */
public final class FindingCollector {

  /** Evidence ids kept per finding; the count keeps going beyond it. */
  public static final int MAX_EVIDENCE = 100;

  /** Normalised views kept per finding for display and export. */
  public static final int MAX_SAMPLES = 5;

  private final ConcurrentHashMap<String, FindingGroup> groups = new ConcurrentHashMap<>();

  /** Records that {@code rule} matched {@code event}. */
  public void add(RuleInfo rule, Event event) {
    var view = event.view();
    String actor = view.actor().display();
    String day = view.time().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
    String key =
        String.join(
            "|",
            rule.ruleId(),
            nullToEmpty(view.account()),
            nullToEmpty(view.region()),
            actor,
            day);
    groups.computeIfAbsent(key, k -> new FindingGroup(k, rule, view)).add(view);
  }

  /** Number of findings so far. */
  public int size() {
    return groups.size();
  }

  /**
   * The findings, most severe first, then by first-seen time and id: a deterministic order for the
   * same input.
   */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(groups.size());
    for (FindingGroup g : groups.values()) {
      out.add(g.toFinding());
    }
    out.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::firstSeen)
            .thenComparing(Finding::id));
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
