package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.rule.lint.RuleLinter;
import io.trailhound.testing.SharedCorpus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Correlation rules: the specification's examples parse; references resolve when loading. */
class CorrelationParserTest {

  @Test
  void every_correlation_example_of_the_specification_tests_parses() {
    Path dir = SharedCorpus.require("corpus/sigma/specification/tests/schema/correlation");
    ParseResult loaded = RuleLoader.collect(dir);
    assertThat(loaded.correlations()).hasSize(8);
    assertThat(loaded.correlations())
        .extracting(c -> c.correlation().type())
        .containsExactlyInAnyOrder(
            CorrelationType.EVENT_COUNT,
            CorrelationType.EVENT_COUNT,
            CorrelationType.VALUE_COUNT,
            CorrelationType.TEMPORAL,
            CorrelationType.TEMPORAL_ORDERED,
            CorrelationType.VALUE_SUM,
            CorrelationType.VALUE_AVG,
            CorrelationType.VALUE_PERCENTILE);
    // The examples reference rules that are not part of the test set: only those errors remain.
    assertThat(loaded.problems())
        .allMatch(p -> p.message().startsWith("correlation references unknown rule"))
        .allMatch(p -> p.line() > 0 && p.column() > 0);
  }

  @Test
  void the_specification_example_chain_loads_with_names_and_defaults() throws Exception {
    ParseResult loaded = RuleLoader.collect(resource("spec-example"));
    assertThat(loaded.hasErrors()).isFalse();
    assertThat(loaded.rules())
        .extracting(SigmaRule::name)
        .containsExactly("failed_login", "successful_login");
    assertThat(loaded.correlations()).hasSize(2);
    CorrelationRule outer = loaded.correlations().get(0);
    assertThat(outer.level()).isEqualTo(Level.HIGH);
    assertThat(outer.generate()).isFalse();
    assertThat(outer.correlation().type()).isEqualTo(CorrelationType.TEMPORAL_ORDERED);
    assertThat(outer.correlation().timespan()).isEqualTo(Duration.ofMinutes(10));
    assertThat(outer.correlation().condition().comparisons()).isEmpty();
    CorrelationRule inner = loaded.correlations().get(1);
    assertThat(inner.name()).isEqualTo("multiple_failed_login");
    assertThat(inner.correlation().condition().test(10)).isTrue();
    assertThat(inner.correlation().condition().test(9)).isFalse();
    CorrelationLinks links = CorrelationLinks.of(loaded.rules(), loaded.correlations());
    assertThat(links.correlation(outer.correlation().rules().get(0))).isSameAs(inner);
    assertThat(links.base(outer.correlation().rules().get(1)).name()).isEqualTo("successful_login");
  }

  @Test
  void an_unknown_referenced_rule_is_an_error_at_the_reference() throws Exception {
    ParseResult loaded = RuleLoader.collect(resource("unknown-ref"));
    assertThat(loaded.problems())
        .extracting(p -> p.line() + ":" + p.column() + ": " + p.message())
        .containsExactly("6:11: correlation references unknown rule 'delete_trail'");
    assertThat(loaded.problems().get(0).file()).endsWith("many.yml");
    assertThat(RuleLinter.lint(resource("unknown-ref"))).hasSize(1);
  }

  @Test
  void the_linter_reports_a_correlation_sharing_a_name_with_a_detection_rule() throws Exception {
    assertThat(RuleLinter.lint(resource("duplicate")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("duplicate id or name 'stop_logging'"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(12));
  }

  @Test
  void a_chain_that_loops_is_an_error() throws Exception {
    ParseResult loaded = RuleLoader.collect(resource("cycle"));
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("loops back to 'first'"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(17));
  }

  @Test
  void aliases_generate_custom_attributes_and_percentile_are_kept() {
    String yaml =
        String.join(
            "\n",
            "title: Slow calls",
            "finding_types: [Discovery:IAMUser/AnomalousBehavior]",
            "correlation:",
            "    type: value_percentile",
            "    generate: true",
            "    rules: [a, b]",
            "    group-by: [who]",
            "    timespan: 2d",
            "    aliases:",
            "        who:",
            "            a: userIdentity.arn",
            "            b: requestParameters.userName",
            "    condition:",
            "        field: bytes",
            "        percentile: 90",
            "        gte: 1.5",
            "");
    ParseResult result = SigmaParser.parse(yaml, "p.yml");
    assertThat(result.problems()).isEmpty();
    CorrelationRule rule = result.correlations().get(0);
    assertThat(rule.generate()).isTrue();
    assertThat(rule.custom()).containsKey("finding_types");
    Correlation c = rule.correlation();
    assertThat(c.timespan()).isEqualTo(Duration.ofDays(2));
    assertThat(c.condition().percentile()).isEqualTo(90);
    assertThat(c.condition().fields()).containsExactly("bytes");
    assertThat(c.aliases())
        .isEqualTo(
            Map.of("who", Map.of("a", "userIdentity.arn", "b", "requestParameters.userName")));
    assertThat(c.fieldFor("who", "b")).isEqualTo("requestParameters.userName");
    assertThat(c.fieldFor("other", "b")).isEqualTo("other");
    assertThat(rule.ruleId()).isEqualTo("p");
    assertThat(List.of(rule.level())).containsExactly(Level.MEDIUM);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CorrelationParserTest.class.getResource("/correlation-load/" + name).toURI());
  }
}
