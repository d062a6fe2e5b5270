package io.trailhound.scan;

import io.trailhound.detect.DetectionEngine;
import io.trailhound.finding.AttackTag;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
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
 * The rules a scan runs: the built-in pack (listed in {@code content/rules/INDEX}) and any rule
 * directories the user adds, compiled once, with the finding metadata of each rule.
 */
public final class RuleCatalog {

  /** Index of the built-in rules, one resource path per line. */
  public static final String BUILTIN_INDEX = "content/rules/INDEX";

  private final List<SigmaRule> rules;
  private final DetectionEngine engine;
  private final Map<SigmaRule, RuleInfo> infos;

  private RuleCatalog(List<SigmaRule> rules, Placeholders placeholders) {
    this.rules = List.copyOf(rules);
    this.engine = DetectionEngine.compile(this.rules, placeholders);
    this.infos = new IdentityHashMap<>();
    for (SigmaRule rule : this.rules) {
      infos.put(rule, describe(rule));
    }
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
    List<RuleProblem> problems = new ArrayList<>();
    if (builtin) {
      add(
          RuleLoader.collectFromClasspath(RuleCatalog.class.getClassLoader(), BUILTIN_INDEX),
          rules,
          problems);
    }
    for (Path dir : dirs) {
      add(RuleLoader.collect(dir), rules, problems);
    }
    new ParseResult(List.of(), problems).orThrow();
    return new RuleCatalog(rules, placeholders);
  }

  private static void add(ParseResult result, List<SigmaRule> rules, List<RuleProblem> problems) {
    rules.addAll(result.rules());
    problems.addAll(result.problems());
  }

  public List<SigmaRule> rules() {
    return rules;
  }

  public DetectionEngine engine() {
    return engine;
  }

  /** The finding metadata of a rule of this catalogue. */
  public RuleInfo info(SigmaRule rule) {
    RuleInfo info = infos.get(rule);
    return info != null ? info : describe(rule);
  }

  private static RuleInfo describe(SigmaRule rule) {
    return new RuleInfo(
        rule.ruleId(),
        rule.name() != null ? rule.name() : rule.ruleId(),
        rule.title(),
        rule.description(),
        Severity.parse(rule.level().name()),
        findingTypes(rule),
        AttackTag.techniques(rule.tags()),
        AttackTag.tactics(rule.tags()),
        rule.source());
  }

  private static List<String> findingTypes(SigmaRule rule) {
    Object types = rule.custom().get("finding_types");
    List<String> out = new ArrayList<>();
    if (types instanceof List<?> list) {
      for (Object o : list) {
        if (o != null) {
          out.add(o.toString());
        }
      }
    } else if (types instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
