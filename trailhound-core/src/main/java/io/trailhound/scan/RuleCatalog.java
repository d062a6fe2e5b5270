package io.trailhound.scan;

import io.trailhound.detect.DetectionEngine;
import io.trailhound.detect.correlation.BuiltInCorrelations;
import io.trailhound.detect.correlation.CorrelationEngine;
import io.trailhound.finding.RuleInfo;
import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.rule.sigma.SigmaRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a scan runs: the built-in pack (listed in {@code content/rules/INDEX}, and its
 * correlation rules with their building blocks in {@code content/rules/correlation/INDEX}) and any
 * rule directories the user adds, compiled once, with the finding metadata of each rule.
 */
public final class RuleCatalog {

  /** Index of the built-in single-event rules, one resource path per line. */
  public static final String BUILTIN_INDEX = "content/rules/INDEX";

  private final List<SigmaRule> rules;
  private final List<CorrelationRule> correlations;
  private final DetectionEngine engine;
  private final Placeholders placeholders;
  private final Map<SigmaRule, RuleInfo> infos = new IdentityHashMap<>();

  private RuleCatalog(
      List<SigmaRule> rules, List<CorrelationRule> correlations, Placeholders placeholders) {
    this.rules = List.copyOf(rules);
    this.correlations = List.copyOf(correlations);
    this.engine = DetectionEngine.compile(this.rules, placeholders);
    this.placeholders = placeholders;
    for (SigmaRule rule : this.rules) {
      infos.put(rule, describe(rule));
    }
    newCorrelationEngine(); // fail at load, not mid-scan, on unknown references or loops
  }

  /**
   * Loads the rules; fails fast with every problem when any rule is invalid (lint lists them).
   *
   * @param builtin whether to include the built-in pack
   * @param dirs extra rule directories (e.g. a SigmaHQ checkout)
   * @param placeholders values for {@code expand} placeholders
   * @throws io.trailhound.rule.sigma.RuleException naming every broken rule
   */
  public static RuleCatalog load(boolean builtin, List<Path> dirs, Placeholders placeholders) {
    List<SigmaRule> rules = new ArrayList<>();
    List<CorrelationRule> correlations = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    List<ParseResult> parts = new ArrayList<>();
    if (builtin) {
      parts.add(RuleLoader.collectFromClasspath(RuleCatalog.class.getClassLoader(), BUILTIN_INDEX));
      parts.add(BuiltInCorrelations.collect());
    }
    for (Path dir : dirs) {
      parts.add(RuleLoader.collect(dir));
    }
    for (ParseResult part : parts) {
      rules.addAll(part.rules());
      correlations.addAll(part.correlations());
      problems.addAll(part.problems());
    }
    new ParseResult(List.of(), problems).orThrow();
    return new RuleCatalog(rules, correlations, placeholders);
  }

  public List<SigmaRule> rules() {
    return rules;
  }

  public List<CorrelationRule> correlations() {
    return correlations;
  }

  public DetectionEngine engine() {
    return engine;
  }

  /**
   * This catalogue without its correlations and without the building blocks only they report: the
   * single-event rules, as a scan without stateful detection runs them (the benchmark's spine).
   */
  public RuleCatalog singleEvent() {
    java.util.Set<SigmaRule> blocks = newCorrelationEngine().suppressedRules();
    return new RuleCatalog(
        rules.stream().filter(r -> !blocks.contains(r)).toList(), List.of(), placeholders);
  }

  /** A fresh correlation engine over this catalogue's rules: it holds one scan's state. */
  public CorrelationEngine newCorrelationEngine() {
    return CorrelationEngine.compile(correlations, rules);
  }

  /** The finding metadata of a rule of this catalogue. */
  public RuleInfo info(SigmaRule rule) {
    RuleInfo info = infos.get(rule);
    return info != null ? info : describe(rule);
  }

  private static RuleInfo describe(SigmaRule rule) {
    return RuleInfos.of(rule);
  }
}
