package io.trailhound.detect.correlation;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.rule.sigma.CorrelationLinks;
import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.RuleException;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.rule.sigma.RuleRef;
import io.trailhound.rule.sigma.SigmaRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Evaluates Sigma correlation rules over the matches of their detection rules, on event time.
 *
 * <p>Reader threads call {@link #offer} for every detection-rule match (thread-safe); {@link
 * #finish} then evaluates every (correlation, group) over its records sorted by event time, so the
 * results are identical whatever order events and files arrive in. Memory is bounded by {@link
 * CorrelationOptions}: records per group (the earliest are kept), groups per engine, evidence per
 * result. With a finite {@link CorrelationOptions#allowedLateness()} events older than the
 * watermark (newest event time seen minus the lateness) are dropped and counted — the hook for the
 * live service, where windows behind the watermark can be closed early.
 *
 * <p>Chains: a correlation may reference other correlations; their results feed it as matches
 * (event time = the result's last event, group values = the result's group values). It may also
 * reference a built-in detector by id (a behaviour baseline, say); the scan then {@linkplain
 * #offer(String, EventView) offers} each of the detector's findings as one match at the time of its
 * triggering event, grouped by that event's normalised fields ({@link ViewFields}).
 */
public final class CorrelationEngine {

  private final List<Compiled> order;
  private final Map<SigmaRule, List<Route>> routes;
  private final Map<CorrelationRule, List<Route>> chained;
  private final Map<String, List<Route>> detectors;
  private final Set<SigmaRule> suppressed;
  private final Set<String> requiredPaths;
  private final CorrelationOptions options;

  /** Every group some thread has records for: what {@link CorrelationOptions#maxGroups} caps. */
  private final Set<GroupKey> groups = ConcurrentHashMap.newKeySet();

  /** Every thread's buffers; guarded by itself. */
  private final List<Map<GroupKey, GroupBuffer>> shards = new ArrayList<>();

  /**
   * The calling thread's buffers. Each reader keeps the records of its own matches, merged per
   * group at {@link #finish}: a buffer keeps the earliest records whatever their order, so merging
   * keeps what one shared buffer would have, and no offer takes a lock or writes a map that the
   * other readers write too.
   */
  private final ThreadLocal<Map<GroupKey, GroupBuffer>> buffers =
      ThreadLocal.withInitial(
          () -> {
            Map<GroupKey, GroupBuffer> mine = new HashMap<>();
            synchronized (shards) {
              shards.add(mine);
            }
            return mine;
          });

  private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder late = new LongAdder();
  private final LongAdder droppedGroups = new LongAdder();
  private final LongAdder unusable = new LongAdder();
  private final SharedParts shared = new SharedParts();

  /** A referenced rule feeding one input of one correlation. */
  private record Route(Compiled target, int index, int input) {}

  /**
   * A group of one correlation, the correlation by its position in evaluation order; the values in
   * an array with the hash computed once, since every offer looks one up.
   */
  private static final class GroupKey {
    final int target;
    final String[] values;
    final int hash;

    GroupKey(int target, String[] values) {
      this.target = target;
      this.values = values;
      this.hash = 31 * target + Arrays.hashCode(values);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GroupKey k
          && k.hash == hash
          && k.target == target
          && Arrays.equals(k.values, values);
    }
  }

  private CorrelationEngine(
      List<Compiled> order,
      Map<SigmaRule, List<Route>> routes,
      Map<CorrelationRule, List<Route>> chained,
      Map<String, List<Route>> detectors,
      Set<SigmaRule> suppressed,
      Set<String> requiredPaths,
      CorrelationOptions options) {
    this.order = order;
    this.routes = routes;
    this.chained = chained;
    this.detectors = detectors;
    this.suppressed = suppressed;
    this.requiredPaths = requiredPaths;
    this.options = options;
  }

  /** Compiles with {@link CorrelationOptions#defaults()}. */
  public static CorrelationEngine compile(
      List<CorrelationRule> correlations, List<SigmaRule> baseRules) {
    return compile(correlations, baseRules, CorrelationOptions.defaults());
  }

  /**
   * Compiles {@code correlations} against the detection rules they reference.
   *
   * @throws RuleException when a reference resolves to no rule or a chain loops
   */
  public static CorrelationEngine compile(
      List<CorrelationRule> correlations, List<SigmaRule> baseRules, CorrelationOptions options) {
    CorrelationLinks links = CorrelationLinks.of(baseRules, correlations);
    List<RuleProblem> problems = links.problems();
    if (!problems.isEmpty()) {
      throw new RuleException(problems);
    }
    Map<CorrelationRule, Boolean> referencedBy = new IdentityHashMap<>();
    for (CorrelationRule c : correlations) {
      for (RuleRef ref : c.correlation().rules()) {
        CorrelationRule inner = links.correlation(ref);
        if (inner != null) {
          referencedBy.merge(inner, c.generate(), Boolean::logicalOr);
        }
      }
    }
    Map<CorrelationRule, Compiled> compiled = new IdentityHashMap<>();
    List<Compiled> order = new ArrayList<>();
    for (CorrelationRule c : correlations) {
      compileInOrder(c, links, referencedBy, compiled, order);
    }
    Map<SigmaRule, List<Route>> routes = new IdentityHashMap<>();
    Map<CorrelationRule, List<Route>> chained = new IdentityHashMap<>();
    Map<String, List<Route>> detectors = new HashMap<>();
    Map<SigmaRule, Boolean> generated = new IdentityHashMap<>();
    Set<String> paths = new LinkedHashSet<>();
    for (int index = 0; index < order.size(); index++) {
      Compiled c = order.get(index);
      List<RuleRef> refs = c.correlation().rules();
      for (int i = 0; i < refs.size(); i++) {
        Route route = new Route(c, index, i);
        SigmaRule base = links.base(refs.get(i));
        if (base != null) {
          routes.computeIfAbsent(base, b -> new ArrayList<>()).add(route);
          generated.merge(base, c.rule().generate(), Boolean::logicalOr);
          c.inputs().get(i).groupFields().stream().filter(f -> f != null).forEach(paths::add);
          paths.addAll(c.inputs().get(i).valueFields());
        } else if (links.detector(refs.get(i)) != null) {
          detectors.computeIfAbsent(links.detector(refs.get(i)), x -> new ArrayList<>()).add(route);
        } else {
          chained
              .computeIfAbsent(links.correlation(refs.get(i)), x -> new ArrayList<>())
              .add(route);
        }
      }
    }
    Set<SigmaRule> suppressed = Collections.newSetFromMap(new IdentityHashMap<>());
    generated.forEach(
        (rule, generate) -> {
          if (!generate) {
            suppressed.add(rule);
          }
        });
    routes.replaceAll((k, v) -> List.copyOf(v));
    detectors.replaceAll((k, v) -> List.copyOf(v));
    return new CorrelationEngine(
        List.copyOf(order),
        routes,
        chained,
        Map.copyOf(detectors),
        Collections.unmodifiableSet(suppressed),
        Collections.unmodifiableSet(paths),
        options);
  }

  private static Compiled compileInOrder(
      CorrelationRule rule,
      CorrelationLinks links,
      Map<CorrelationRule, Boolean> referencedBy,
      Map<CorrelationRule, Compiled> done,
      List<Compiled> order) {
    Compiled existing = done.get(rule);
    if (existing != null) {
      return existing;
    }
    for (RuleRef ref : rule.correlation().rules()) {
      CorrelationRule inner = links.correlation(ref);
      if (inner != null) {
        compileInOrder(inner, links, referencedBy, done, order);
      }
    }
    List<Compiled.Input> inputs = new ArrayList<>();
    for (RuleRef ref : rule.correlation().rules()) {
      inputs.add(Compiled.input(rule.correlation(), ref.target()));
    }
    Boolean parentGenerates = referencedBy.get(rule);
    Compiled c =
        new Compiled(rule, List.copyOf(inputs), parentGenerates == null || parentGenerates);
    done.put(rule, c);
    order.add(c);
    return c;
  }

  /** Field paths the correlations read from events (group-by and aggregated fields). */
  public Set<String> requiredPaths() {
    return requiredPaths;
  }

  /** Whether {@code rule} is referenced by some correlation. */
  public boolean references(SigmaRule rule) {
    return routes.containsKey(rule);
  }

  /**
   * Whether the findings of detection rule {@code rule} should be suppressed: it is referenced by
   * correlations and none of them says {@code generate: true}.
   */
  public boolean suppresses(SigmaRule rule) {
    return suppressed.contains(rule);
  }

  /** The detection rules whose own findings should be suppressed (see {@link #suppresses}). */
  public Set<SigmaRule> suppressedRules() {
    return suppressed;
  }

  /**
   * Records that detection rule {@code rule} matched {@code event}. Thread-safe; cheap for rules no
   * correlation references.
   */
  public void offer(SigmaRule rule, Event event) {
    List<Route> targets = routes.get(rule);
    if (targets == null) {
      return;
    }
    record(
        targets, event.view(), event.id(), new FieldMemo(field -> EventFields.first(event, field)));
  }

  /** Whether some correlation references built-in detector {@code detector}. */
  public boolean listensTo(String detector) {
    return detectors.containsKey(detector);
  }

  /**
   * Records that built-in detector {@code detector} reported a finding whose triggering event is
   * {@code view}: one match at the view's time, grouped by its normalised fields. Thread-safe;
   * ignored when no correlation references the detector.
   */
  public void offer(String detector, EventView view) {
    List<Route> targets = detectors.get(detector);
    if (targets == null || view.time() == null) {
      return;
    }
    record(targets, view, detector + "@" + view.eventId(), field -> ViewFields.first(view, field));
  }

  private void record(
      List<Route> targets,
      EventView view,
      String id,
      java.util.function.Function<String, String> field) {
    long time = view.time().toEpochMilli();
    // Read before writing: the newest time rarely moves, and a write on every offer had the
    // worker threads taking the counter's cache line from each other.
    long seen = newest.get();
    if (time > seen) {
      seen = newest.accumulateAndGet(time, Math::max);
    }
    if (options.allowedLateness() != null
        && time < seen - Math.min(options.allowedLateness().toMillis(), Long.MAX_VALUE / 2)) {
      late.increment();
      return;
    }
    EventView kept = null;
    for (int t = 0, nt = targets.size(); t < nt; t++) {
      Route route = targets.get(t);
      Compiled.Input input = route.target().inputs().get(route.input());
      List<String> fields = input.groupFields();
      String[] group = new String[fields.size()];
      boolean usable = true;
      for (int i = 0; i < group.length && usable; i++) {
        String f = fields.get(i);
        group[i] = f == null ? null : field.apply(f);
        usable = group[i] != null;
      }
      if (!usable) {
        unusable.increment();
        continue;
      }
      String value =
          input.valueFields().isEmpty()
              ? null
              : EventFields.value(route.target().type(), input.valueFields(), field);
      if (!input.valueFields().isEmpty() && value == null) {
        unusable.increment();
        continue;
      }
      if (kept == null) {
        kept = shared.compact(view);
      }
      add(route.index(), group, new MatchRecord(time, id, route.input(), value, List.of(kept)));
    }
  }

  private void add(int target, String[] group, MatchRecord record) {
    GroupKey key = new GroupKey(target, group);
    Map<GroupKey, GroupBuffer> mine = buffers.get();
    GroupBuffer buffer = mine.get(key);
    if (buffer == null) {
      if (!groups.contains(key)) {
        if (groups.size() >= options.maxGroups()) {
          droppedGroups.increment();
          return;
        }
        groups.add(key);
      }
      buffer = new GroupBuffer(options.maxRecordsPerGroup());
      mine.put(key, buffer);
    }
    buffer.add(record);
  }

  /**
   * Evaluates every correlation and returns the results that are reported as findings (outermost
   * correlations, and inner ones whose referencing correlation has {@code generate: true}), ordered
   * by rule id, window start and group values. Call after the last {@link #offer}.
   */
  public List<CorrelationResult> finish() {
    List<Map<List<String>, List<MatchRecord>>> byTarget = new ArrayList<>();
    order.forEach(c -> byTarget.add(new HashMap<>()));
    Map<GroupKey, List<GroupBuffer>> parts = new HashMap<>();
    synchronized (shards) {
      for (Map<GroupKey, GroupBuffer> shard : shards) {
        shard.forEach((k, b) -> parts.computeIfAbsent(k, x -> new ArrayList<>(2)).add(b));
      }
    }
    List<Map.Entry<GroupKey, List<GroupBuffer>>> kept = new ArrayList<>(parts.entrySet());
    List<List<MatchRecord>> sorted =
        Parallel.map(
            kept,
            e -> new ArrayList<>(GroupBuffer.merged(e.getValue(), options.maxRecordsPerGroup())));
    for (int i = 0; i < kept.size(); i++) {
      GroupKey key = kept.get(i).getKey();
      byTarget.get(key.target).put(List.of(key.values), sorted.get(i));
    }
    List<CorrelationResult> out = new ArrayList<>();
    for (int index = 0; index < order.size(); index++) {
      Compiled c = order.get(index);
      List<Map.Entry<List<String>, List<MatchRecord>>> groups =
          new ArrayList<>(byTarget.get(index).entrySet());
      List<List<CorrelationResult>> evaluated =
          Parallel.map(
              groups,
              g -> {
                g.getValue().sort(MatchRecord.ORDER);
                return Evaluator.evaluate(c, g.getKey(), g.getValue(), options.maxEvidence());
              });
      List<CorrelationResult> results = new ArrayList<>();
      evaluated.forEach(results::addAll);
      results.sort(RESULT_ORDER);
      for (Route parent : chained.getOrDefault(c.rule(), List.of())) {
        feed(parent, results, byTarget.get(parent.index()));
      }
      if (c.reportable()) {
        out.addAll(results);
      }
    }
    out.sort(RESULT_ORDER);
    return out;
  }

  private static final Comparator<CorrelationResult> RESULT_ORDER =
      Comparator.comparing((CorrelationResult r) -> r.rule().ruleId())
          .thenComparing(CorrelationResult::windowStart)
          .thenComparing(r -> String.join("\u0000", r.groups().values()));

  private static void feed(
      Route parent, List<CorrelationResult> results, Map<List<String>, List<MatchRecord>> groups) {
    Compiled.Input input = parent.target().inputs().get(parent.input());
    for (CorrelationResult r : results) {
      List<String> group = new ArrayList<>();
      for (String field : input.groupFields()) {
        group.add(field == null ? null : r.groups().get(field));
      }
      if (group.contains(null)) {
        continue;
      }
      String id =
          r.rule().ruleId() + "@" + r.windowStart() + "/" + String.join("|", r.groups().values());
      groups
          .computeIfAbsent(Collections.unmodifiableList(group), k -> new ArrayList<>())
          .add(new MatchRecord(r.lastSeen().toEpochMilli(), id, parent.input(), null, r.events()));
    }
  }

  /**
   * The newest event time seen minus the allowed lateness: events before it are dropped. Empty
   * before the first event or when lateness is unbounded.
   */
  public java.util.Optional<java.time.Instant> watermark() {
    long seen = newest.get();
    if (seen == Long.MIN_VALUE || options.allowedLateness() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        java.time.Instant.ofEpochMilli(seen).minus(options.allowedLateness()));
  }

  /** Counters of what the engine could not use or keep. */
  public record Stats(long late, long unusable, long droppedGroups, long truncatedRecords) {}

  /** What was dropped so far: late events, matches without group/value fields, capped state. */
  public Stats stats() {
    long truncated = 0;
    synchronized (shards) {
      for (Map<GroupKey, GroupBuffer> shard : shards) {
        for (GroupBuffer b : shard.values()) {
          truncated += b.truncated();
        }
      }
    }
    return new Stats(late.sum(), unusable.sum(), droppedGroups.sum(), truncated);
  }
}
