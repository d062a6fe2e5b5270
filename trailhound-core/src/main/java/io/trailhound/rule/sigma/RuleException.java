package io.trailhound.rule.sigma;

import java.util.List;
import java.util.stream.Collectors;

/** The one exception of the rule stage: rules that could not be loaded, with every problem. */
public final class RuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  public RuleException(List<RuleProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, errors and warnings, in file order. */
  public List<RuleProblem> problems() {
    return problems;
  }

  private static String describe(List<RuleProblem> problems) {
    return problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
  }
}
