package io.trailhound.rule.lint;

import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.Modifier;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.PlaceholderText;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.rule.sigma.Search;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.rule.sigma.SigmaValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole rule tree and reports every problem: what the parser finds in each file (syntax,
 * unknown modifiers, undefined or unused identifiers, invalid regular expressions and CIDRs,
 * missing title/logsource/detection/condition, bad level or status, Sigma 1.0 syntax) plus checks
 * across files (duplicate ids and names, correlation references to unknown rules and reference
 * cycles, with correlation problems such as bad timespans or missing conditions) and against the
 * configuration (placeholders without values, a warning).
 */
public final class RuleLinter {

  private RuleLinter() {}

  /** Lints every rule under {@code dir} with no placeholders configured. */
  public static List<RuleProblem> lint(Path dir) {
    return lint(dir, Placeholders.none());
  }

  /** Lints every rule under {@code dir}; problems are in file order. */
  public static List<RuleProblem> lint(Path dir, Placeholders placeholders) {
    ParseResult loaded = RuleLoader.collect(dir);
    List<RuleProblem> problems = new ArrayList<>(loaded.problems());
    duplicates(loaded.rules(), problems);
    correlationDuplicates(loaded, problems);
    for (SigmaRule rule : loaded.rules()) {
      placeholders(rule, placeholders, problems);
    }
    return List.copyOf(problems);
  }

  private static void duplicates(List<SigmaRule> rules, List<RuleProblem> problems) {
    Map<String, SigmaRule> ids = new HashMap<>();
    Map<String, SigmaRule> names = new HashMap<>();
    for (SigmaRule rule : rules) {
      duplicate(rule, "id", rule.id(), ids, problems);
      duplicate(rule, "name", rule.name(), names, problems);
    }
  }

  /**
   * Correlation rules share the id and name space of detection rules: references must be unique.
   */
  private static void correlationDuplicates(ParseResult loaded, List<RuleProblem> problems) {
    Map<String, String> taken = new HashMap<>();
    for (SigmaRule rule : loaded.rules()) {
      if (rule.id() != null) {
        taken.putIfAbsent(rule.id(), rule.source());
      }
      if (rule.name() != null) {
        taken.putIfAbsent(rule.name(), rule.source());
      }
    }
    for (CorrelationRule rule : loaded.correlations()) {
      for (String value : new String[] {rule.id(), rule.name()}) {
        if (value == null) {
          continue;
        }
        String first = taken.putIfAbsent(value, rule.source());
        if (first != null) {
          problems.add(
              new RuleProblem(
                  rule.source(),
                  rule.line(),
                  1,
                  RuleProblem.Severity.ERROR,
                  "duplicate id or name '" + value + "', also used by " + first));
        }
      }
    }
  }

  private static void duplicate(
      SigmaRule rule,
      String key,
      String value,
      Map<String, SigmaRule> seen,
      List<RuleProblem> problems) {
    if (value == null) {
      return;
    }
    SigmaRule first = seen.putIfAbsent(value, rule);
    if (first != null) {
      int line = KeyLines.lineOf(rule.source(), key);
      problems.add(
          new RuleProblem(
              rule.source(),
              line,
              line == 0 ? 0 : 1,
              RuleProblem.Severity.ERROR,
              "duplicate " + key + " '" + value + "', also used by " + first.source()));
    }
  }

  private static void placeholders(
      SigmaRule rule, Placeholders placeholders, List<RuleProblem> problems) {
    for (Search search : rule.detection().searches().values()) {
      for (FieldCondition c : conditions(search)) {
        if (!c.has(Modifier.EXPAND)) {
          continue;
        }
        for (SigmaValue v : c.values()) {
          if (v instanceof SigmaValue.Str s) {
            for (String name : PlaceholderText.names(s.raw())) {
              if (!placeholders.isConfigured(name)) {
                problems.add(
                    new RuleProblem(
                        rule.source(),
                        c.line(),
                        c.column(),
                        RuleProblem.Severity.WARNING,
                        "placeholder '%"
                            + name
                            + "%' has no configured values, so '"
                            + c.field()
                            + "' matches nothing"));
              }
            }
          }
        }
      }
    }
  }

  private static List<FieldCondition> conditions(Search search) {
    if (search instanceof Search.AllFields all) {
      return all.conditions();
    }
    List<FieldCondition> out = new ArrayList<>();
    ((Search.AnyOf) search).alternatives().forEach(a -> out.addAll(conditions(a)));
    return out;
  }
}
