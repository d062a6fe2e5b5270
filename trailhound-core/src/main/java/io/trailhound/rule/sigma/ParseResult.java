package io.trailhound.rule.sigma;

import java.util.List;
import java.util.Optional;

/**
 * What parsing one YAML text (or a rule tree) produced.
 *
 * @param rules the valid detection rules, one per YAML document (usually exactly one)
 * @param correlations the valid correlation rules
 * @param problems every error, warning and note found, in file order
 */
public record ParseResult(
    List<SigmaRule> rules, List<CorrelationRule> correlations, List<RuleProblem> problems) {

  public ParseResult {
    rules = List.copyOf(rules);
    correlations = List.copyOf(correlations);
    problems = List.copyOf(problems);
  }

  /** A result without correlation rules. */
  public ParseResult(List<SigmaRule> rules, List<RuleProblem> problems) {
    this(rules, List.of(), problems);
  }

  /** The rule when the text held exactly one valid detection rule. */
  public Optional<SigmaRule> rule() {
    return rules.size() == 1 ? Optional.of(rules.get(0)) : Optional.empty();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(RuleProblem::isError);
  }

  /** The rules, or a {@link RuleException} with every problem when there was any error. */
  public List<SigmaRule> orThrow() {
    if (hasErrors()) {
      throw new RuleException(problems);
    }
    return rules;
  }
}
