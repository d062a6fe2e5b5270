package io.trailhound.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SigmaHQ AWS rules of the shared corpus: what must load, and what must be rejected. */
class SigmaCorpusLintTest {

  @Test
  void all_active_sigmahq_rules_load_and_lint_without_problems() {
    Path dir = SharedCorpus.require("corpus/sigma/rules/rules");
    ParseResult loaded = RuleLoader.collect(dir);
    assertThat(loaded.rules()).hasSize(57);
    assertThat(RuleLinter.lint(dir)).isEmpty();
  }

  @Test
  void placeholder_rule_loads_and_lint_only_warns_about_unconfigured_placeholders() {
    Path dir = SharedCorpus.require("corpus/sigma/rules/rules-placeholder");
    assertThat(RuleLoader.load(dir)).hasSize(1);
    List<RuleProblem> problems = RuleLinter.lint(dir);
    assertThat(problems).isNotEmpty().noneMatch(RuleProblem::isError);
    assertThat(problems)
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("'%Legitimate_Countries%' has no configured values"))
        .anyMatch(m -> m.contains("'%Legitimate_IP_Ranges%' has no configured values"));
  }

  @Test
  void sigma_1_aggregation_rules_are_rejected_naming_the_deprecated_syntax() {
    Path dir = SharedCorpus.require("corpus/sigma/rules/unsupported");
    ParseResult loaded = RuleLoader.collect(dir);
    assertThat(loaded.rules()).isEmpty();
    List<RuleProblem> errors = RuleLinter.lint(dir).stream().filter(RuleProblem::isError).toList();
    assertThat(errors.stream().map(RuleProblem::file).collect(Collectors.toSet())).hasSize(8);
    assertThat(errors)
        .allMatch(p -> p.message().contains("Sigma 1.0") && p.message().contains("correlation"))
        .allMatch(p -> p.line() > 0 && p.column() > 0);
    assertThat(errors)
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("`| count() > 5`") && m.contains("event_count"))
        .anyMatch(m -> m.contains("`| near selection2`"))
        .anyMatch(m -> m.contains("`timeframe`"));
  }
}
