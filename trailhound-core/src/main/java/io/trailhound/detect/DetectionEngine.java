package io.trailhound.detect;

import io.trailhound.event.Event;
import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.Modifier;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.Search;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.rule.sigma.SigmaValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sigma detection rules compiled once into indexed matchers. Immutable and thread-safe: any number
 * of threads may call {@link #match} concurrently (all per-event state lives in the call).
 *
 * <p>An event is tested only against rules whose logsource applies to its {@link
 * Event#sourceType()} (see {@code logsources.yml}), and among those only against rules whose
 * required {@code eventName}/{@code eventSource} values it has, plus rules without such a
 * requirement.
 */
public final class DetectionEngine {

  /** Fields rules are indexed by first, most selective first; other fields follow as needed. */
  private static final List<String> KEY_FIELDS = List.of("eventName", "eventSource");

  private static final Comparator<CompiledRule> BY_ORDINAL =
      Comparator.comparingInt(CompiledRule::ordinal);

  private final Map<String, RuleSet> bySourceType;
  private final int pathCount;
  private final Set<String> requiredPaths;
  private final boolean needsFullText;

  private DetectionEngine(
      Map<String, RuleSet> bySourceType, int pathCount, Set<String> paths, boolean fullText) {
    this.bySourceType = bySourceType;
    this.pathCount = pathCount;
    this.requiredPaths = paths;
    this.needsFullText = fullText;
  }

  /**
   * Compiles {@code rules}. Rules come from the parser, which validated them, so compiling fails
   * only on configured placeholder values that are invalid where they are used.
   *
   * @param placeholders values for {@code |expand}; unconfigured placeholders match nothing
   * @throws io.trailhound.rule.sigma.RuleException when a placeholder value expands to an invalid
   *     regular expression or CIDR
   */
  public static DetectionEngine compile(List<SigmaRule> rules, Placeholders placeholders) {
    PathTable paths = new PathTable();
    ConditionCompiler compiler = new ConditionCompiler(new ValueCompiler(placeholders, paths));
    Map<String, List<CompiledRule>> grouped = new HashMap<>();
    Set<String> required = new LinkedHashSet<>(KEY_FIELDS);
    boolean fullText = false;
    for (int i = 0; i < rules.size(); i++) {
      SigmaRule rule = rules.get(i);
      fullText |= collectPaths(rule, required);
      String sourceType = LogSources.sourceTypeOf(rule.logsource());
      if (sourceType != null) {
        Matcher matcher = compiler.compile(rule);
        grouped
            .computeIfAbsent(sourceType, s -> new ArrayList<>())
            .add(new CompiledRule(i, rule, matcher));
      }
    }
    Map<String, RuleSet> sets = new HashMap<>();
    grouped.forEach((type, list) -> sets.put(type, new RuleSet(list, KEY_FIELDS, paths)));
    return new DetectionEngine(
        Map.copyOf(sets), paths.size(), Collections.unmodifiableSet(required), fullText);
  }

  /** The rules {@code event} matches, in the order they were given to {@link #compile}. */
  public List<SigmaRule> match(Event event) {
    List<SigmaRule> out = new ArrayList<>(2);
    match(event, out::add);
    return out;
  }

  /**
   * Calls {@code onMatch} with each rule {@code event} matches, in the order they were given to
   * {@link #compile}, on the calling thread.
   */
  public void match(Event event, Consumer<SigmaRule> onMatch) {
    RuleSet set = bySourceType.get(event.sourceType());
    if (set == null) {
      return;
    }
    EvalContext context = new EvalContext(event, pathCount);
    List<CompiledRule> candidates = new ArrayList<>();
    set.candidates(context, candidates);
    List<CompiledRule> matched = new ArrayList<>(2);
    for (int i = 0, n = candidates.size(); i < n; i++) {
      CompiledRule rule = candidates.get(i);
      if (rule.matcher().matches(context)) {
        matched.add(rule);
      }
    }
    if (matched.size() > 1) {
      matched.sort(BY_ORDINAL);
    }
    for (int i = 0, n = matched.size(); i < n; i++) {
      onMatch.accept(matched.get(i).rule());
    }
  }

  /** The rules {@code event} would be tested against (for tests of the index). */
  List<SigmaRule> candidates(Event event) {
    RuleSet set = bySourceType.get(event.sourceType());
    if (set == null) {
      return List.of();
    }
    List<CompiledRule> candidates = new ArrayList<>();
    set.candidates(new EvalContext(event, pathCount), candidates);
    return candidates.stream().map(CompiledRule::rule).toList();
  }

  /** The rules {@code event} matches when every rule is evaluated, index bypassed (for tests). */
  List<SigmaRule> matchWithoutIndex(Event event) {
    RuleSet set = bySourceType.get(event.sourceType());
    if (set == null) {
      return List.of();
    }
    EvalContext context = new EvalContext(event, pathCount);
    return set.all().stream()
        .filter(r -> r.matcher().matches(context))
        .map(CompiledRule::rule)
        .toList();
  }

  /** Every dotted field path the engine reads: index keys, rule fields and fieldref targets. */
  public Set<String> requiredPaths() {
    return requiredPaths;
  }

  /** Whether any rule has a keyword search, which reads every value of the event. */
  public boolean needsFullText() {
    return needsFullText;
  }

  /** Adds the rule's paths to {@code out}; true when the rule has a keyword search. */
  private static boolean collectPaths(SigmaRule rule, Set<String> out) {
    boolean keywords = false;
    for (Search search : rule.detection().searches().values()) {
      keywords |= collectPaths(search, out);
    }
    return keywords;
  }

  private static boolean collectPaths(Search search, Set<String> out) {
    if (search instanceof Search.AnyOf anyOf) {
      boolean keywords = false;
      for (Search alternative : anyOf.alternatives()) {
        keywords |= collectPaths(alternative, out);
      }
      return keywords;
    }
    boolean keywords = false;
    for (FieldCondition c : ((Search.AllFields) search).conditions()) {
      if (c.isKeyword()) {
        keywords = true;
        continue;
      }
      out.add(c.field());
      if (c.has(Modifier.FIELDREF)) {
        c.values().forEach(v -> out.add(((SigmaValue.Str) v).raw()));
      }
    }
    return keywords;
  }
}
