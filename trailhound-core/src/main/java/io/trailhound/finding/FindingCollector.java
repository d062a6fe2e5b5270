package io.trailhound.finding;

import io.trailhound.event.Event;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns rule matches into findings. Worker threads call {@link #add} concurrently; {@link
 * #findings} and {@link #size} read the result once every {@link #add} has returned.
 *
 * <p>Matches of one rule by one actor in one account and region on one UTC day (event time) become
 * one finding. Grouping by a fixed day rather than by gaps between events keeps the result
 * independent of the order files are read in, which is arbitrary when files are read in parallel.
 * Memory per finding is bounded: the earliest {@link #MAX_EVIDENCE} event ids are kept, plus
 * counts.
 *
 * <p>Each thread gathers its matches in groups of its own, merged when the findings are read: every
 * part of a group (counts, first and last seen, the earliest events, the smallest keys) merges to
 * what one group offered every match would hold, and no match pays for a lock or a shared map that
 * the other readers write too.
 */
public final class FindingCollector {

  /** Evidence ids kept per finding; the count keeps going beyond it. */
  public static final int MAX_EVIDENCE = 100;

  /** Normalised views kept per finding for display and export. */
  public static final int MAX_SAMPLES = 5;

  /** Most severe first, then earliest first seen, then id: deterministic for the same input. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .reversed()
          .thenComparing(Finding::firstSeen)
          .thenComparing(Finding::id);

  private static final long SECONDS_PER_DAY = 86_400;

  /** Every thread's groups; guarded by itself. */
  private final List<Map<Key, FindingGroup>> shards = new ArrayList<>();

  private final ThreadLocal<Map<Key, FindingGroup>> shard =
      ThreadLocal.withInitial(
          () -> {
            Map<Key, FindingGroup> groups = new HashMap<>();
            synchronized (shards) {
              shards.add(groups);
            }
            return groups;
          });

  /** What makes matches one finding; {@link #text} is the persisted dedup key. */
  private record Key(String rule, String account, String region, String actor, long day) {

    // Written out: every match looks a key up, and a record's generated methods go through method
    // handles that did not inline on the readers' hot path.
    @Override
    public int hashCode() {
      int h = Objects.hashCode(rule);
      h = 31 * h + Objects.hashCode(account);
      h = 31 * h + Objects.hashCode(region);
      h = 31 * h + actor.hashCode();
      return 31 * h + Long.hashCode(day);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && day == k.day
          && Objects.equals(rule, k.rule)
          && actor.equals(k.actor)
          && Objects.equals(account, k.account)
          && Objects.equals(region, k.region);
    }

    String text() {
      return String.join(
          "|",
          rule,
          account == null ? "" : account,
          region == null ? "" : region,
          actor,
          LocalDate.ofEpochDay(day).toString());
    }
  }

  /** Records that {@code rule} matched {@code event}. */
  public void add(RuleInfo rule, Event event) {
    var view = event.view();
    Key key =
        new Key(
            rule.ruleId(),
            view.account(),
            view.region(),
            view.actor().display(),
            Math.floorDiv(view.time().getEpochSecond(), SECONDS_PER_DAY));
    Map<Key, FindingGroup> groups = shard.get();
    FindingGroup group = groups.get(key);
    if (group == null) {
      group = new FindingGroup(key.text(), rule, view);
      groups.put(key, group);
    }
    group.add(view);
  }

  /** Number of findings. */
  public int size() {
    return merged().size();
  }

  /** The threads' groups merged: one group per key. */
  private Map<Key, FindingGroup> merged() {
    synchronized (shards) {
      if (shards.size() == 1) {
        return shards.get(0);
      }
      Map<Key, FindingGroup> all = new HashMap<>();
      for (Map<Key, FindingGroup> groups : shards) {
        groups.forEach((k, g) -> all.merge(k, g, FindingGroup::merged));
      }
      return all;
    }
  }

  /**
   * The findings, most severe first, then by first-seen time and id: a deterministic order for the
   * same input.
   */
  public List<Finding> findings() {
    Map<Key, FindingGroup> groups = merged();
    List<Finding> out = new ArrayList<>(groups.size());
    for (FindingGroup g : groups.values()) {
      out.add(g.toFinding());
    }
    out.sort(ORDER);
    return out;
  }
}
