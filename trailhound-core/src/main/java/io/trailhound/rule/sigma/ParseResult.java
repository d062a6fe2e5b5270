package io.trailhound.rule.sigma;

import java.util.List;
import java.util.Optional;

/**
 * What parsing one YAML text produced.
 *
 * @param rules the valid detection rules, one per YAML document (usually exactly one)
 * @param problems every error, warning and note found, in file order
 */
public record ParseResult(List<SigmaRule> rules, List<RuleProblem> problems) {

  public ParseResult {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
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
