package io.trailhound.finding;

import io.trailhound.event.Event;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rule matches into findings. Thread-safe: worker threads call {@link #add} concurrently.
 *
 * <p>Matches of one rule by one actor in one account and region on one UTC day (event time) become
 * one finding. Grouping by a fixed day rather than by gaps between events keeps the result
 * independent of the order files are read in, which is arbitrary when files are read in parallel.
 * Memory per finding is bounded: the earliest {@link #MAX_EVIDENCE} event ids are kept, plus
 * counts.
 *
 * <p>Each thread gathers its matches in a shard of its own, and the shards are merged when the
 * findings are asked for: a benign sweep can match most events, and one shared map with a lock per
 * finding had every worker thread contending on the same few findings. Each shard's groups keep the
 * smallest-so-far sets of what they saw, so merging them gives the same finding as one group that
 * saw every match would have.
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

  /** The shards of the threads that added, each guarded by its own monitor. */
  private final List<Map<Key, FindingGroup>> shards = new ArrayList<>();

  private final ThreadLocal<Map<Key, FindingGroup>> shard =
      ThreadLocal.withInitial(
          () -> {
            Map<Key, FindingGroup> mine = new HashMap<>();
            synchronized (shards) {
              shards.add(mine);
            }
            return mine;
          });

  /** What makes matches one finding; {@link #text} is the persisted dedup key. */
  private record Key(String rule, String account, String region, String actor, long day) {
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
    Map<Key, FindingGroup> mine = shard.get();
    // Only this thread adds to its shard; the lock is uncontended and makes what it added visible
    // to the thread that merges.
    synchronized (mine) {
      FindingGroup group = mine.get(key);
      if (group == null) {
        group = new FindingGroup(key.text(), rule, view);
        mine.put(key, group);
      }
      group.add(view);
    }
  }

  /** Number of findings so far. */
  public int size() {
    return merged().size();
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

  /** The groups of every shard, merged by key (into copies: the shards stay as they are). */
  private Map<Key, FindingGroup> merged() {
    List<Map<Key, FindingGroup>> all;
    synchronized (shards) {
      all = List.copyOf(shards);
    }
    Map<Key, FindingGroup> out = new HashMap<>();
    for (Map<Key, FindingGroup> one : all) {
      synchronized (one) {
        one.forEach(
            (key, group) -> {
              FindingGroup into = out.get(key);
              if (into == null) {
                out.put(key, group.copy());
              } else {
                into.merge(group);
              }
            });
      }
    }
    return out;
  }
}
