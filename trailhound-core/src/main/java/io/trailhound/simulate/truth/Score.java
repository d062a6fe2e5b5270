package io.trailhound.simulate.truth;

import java.util.List;
import java.util.Map;

/**
 * How findings compare with the ground truth.
 *
 * @param scenarios one line per scenario
 * @param backgroundBySeverity findings whose evidence holds no attack event, by severity label
 * @param backgroundRules the rules of those findings with their severity, e.g. {@code
 *     th-console-login-failed (low)}
 * @param skippedLines findings-file lines that were not findings, as {@code file:line: reason}
 */
public record Score(
    List<ScenarioScore> scenarios,
    Map<String, Long> backgroundBySeverity,
    List<String> backgroundRules,
    List<String> skippedLines) {

  public Score {
    skippedLines = List.copyOf(skippedLines);
    scenarios = List.copyOf(scenarios);
    backgroundBySeverity = Map.copyOf(backgroundBySeverity);
    backgroundRules = List.copyOf(backgroundRules);
  }

  /**
   * Per scenario: detected when at least one finding's evidence holds one of its events.
   *
   * @param rules the rules of those findings
   * @param precision share of those findings' evidence ids that belong to the scenario
   * @param recall share of the scenario's events named as evidence by some finding
   */
  public record ScenarioScore(
      String id,
      String kind,
      boolean detected,
      List<String> rules,
      double precision,
      double recall) {
    public ScenarioScore {
      rules = List.copyOf(rules);
    }
  }

  public long missed() {
    return scenarios.stream().filter(s -> !s.detected()).count();
  }

  /** High or critical findings on background activity. */
  public long severeFalsePositives() {
    return backgroundBySeverity.getOrDefault("high", 0L)
        + backgroundBySeverity.getOrDefault("critical", 0L);
  }

  /** Every scenario detected and nothing high or critical on background activity. */
  public boolean passed() {
    return missed() == 0 && severeFalsePositives() == 0;
  }
}
