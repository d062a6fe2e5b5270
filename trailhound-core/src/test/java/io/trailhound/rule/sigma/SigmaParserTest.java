package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaParserTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = SigmaParserTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SigmaRule parse(String path) throws IOException {
    return SigmaParser.parse(resource(path), "rules" + path).rule().orElseThrow();
  }

  @Test
  void keeps_every_attribute_of_a_full_rule() throws IOException {
    SigmaRule rule = parse("/sigma-parse/full_rule.yml");
    assertThat(rule.id()).isEqualTo("5f0e6d1c-4f61-4c5e-9a57-2d7b9c1e0a11");
    assertThat(rule.name()).isEqualTo("full_rule");
    assertThat(rule.title()).isEqualTo("Full rule");
    assertThat(rule.status()).isEqualTo("test");
    assertThat(rule.level()).isEqualTo(Level.CRITICAL);
    assertThat(rule.tags()).containsExactly("attack.defense-evasion", "attack.t1562.008");
    assertThat(rule.logsource()).isEqualTo(new LogSource(null, "aws", "cloudtrail"));
    assertThat(rule.falsePositives()).containsExactly("Planned changes");
    assertThat(rule.references()).containsExactly("https://example.com/a");
    assertThat(rule.author()).isEqualTo("Trailhound");
    assertThat(rule.source()).isEqualTo("rules/sigma-parse/full_rule.yml");
  }

  @Test
  void keeps_custom_top_level_attributes_as_plain_values() throws IOException {
    SigmaRule rule = parse("/sigma-parse/full_rule.yml");
    assertThat(rule.custom()).containsOnlyKeys("finding_types", "custom_threshold");
    assertThat(rule.custom().get("finding_types"))
        .isEqualTo(List.of("Stealth:IAMUser/CloudTrailLoggingDisabled"));
    assertThat(rule.custom().get("custom_threshold")).hasToString("3");
  }

  @Test
  void builds_the_condition_tree_with_sigma_precedence() throws IOException {
    Condition condition = parse("/sigma-parse/full_rule.yml").detection().condition();
    assertThat(condition)
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Ref("selection"),
                    new Condition.Not(new Condition.Quantified(Condition.Quantifier.ONE, "filter")),
                    new Condition.Not(new Condition.Ref("keywords")))));
  }

  @Test
  void builds_searches_as_field_maps_lists_of_maps_and_keywords() throws IOException {
    Detection detection = parse("/sigma-parse/full_rule.yml").detection();
    Search.AllFields selection = (Search.AllFields) detection.searches().get("selection");
    assertThat(selection.conditions()).hasSize(2);
    FieldCondition name = selection.conditions().get(1);
    assertThat(name.field()).isEqualTo("eventName");
    assertThat(name.modifiers()).containsExactly(Modifier.STARTSWITH);
    assertThat(name.values())
        .containsExactly(new SigmaValue.Str("Stop"), new SigmaValue.Str("Delete"));
    assertThat(name.line()).isEqualTo(19);
    assertThat(name.column()).isEqualTo(9);
    assertThat(detection.searches().get("filter")).isInstanceOf(Search.AnyOf.class);
    Search.AllFields keywords = (Search.AllFields) detection.searches().get("keywords");
    assertThat(keywords.conditions().get(0).isKeyword()).isTrue();
  }

  @Test
  void missing_level_is_medium_and_rule_id_falls_back_to_file_stem() throws IOException {
    SigmaRule rule = parse("/sigma-parse/minimal_rule.yml");
    assertThat(rule.level()).isEqualTo(Level.MEDIUM);
    assertThat(rule.ruleId()).isEqualTo("minimal_rule");
    assertThat(parse("/sigma-parse/full_rule.yml").ruleId())
        .isEqualTo("5f0e6d1c-4f61-4c5e-9a57-2d7b9c1e0a11");
  }

  @Test
  void detection_rule_and_correlation_rule_in_one_file_both_load() throws IOException {
    ParseResult result =
        SigmaParser.parse(resource("/sigma-parse/correlation_beside_detection.yml"), "multi.yml");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rules()).extracting(SigmaRule::name).containsExactly("stop_logging");
    assertThat(result.correlations())
        .singleElement()
        .satisfies(
            c -> assertThat(c.correlation().rules().get(0).target()).isEqualTo("stop_logging"));
  }

  @Test
  void or_throw_raises_one_exception_with_every_problem() throws IOException {
    ParseResult result =
        SigmaParser.parse(resource("/sigma-errors/several_errors_in_one_rule.yml"), "x.yml");
    assertThat(result.rules()).isEmpty();
    assertThatThrownBy(result::orThrow)
        .isInstanceOfSatisfying(RuleException.class, e -> assertThat(e.problems()).hasSize(4))
        .hasMessageContaining("x.yml:7:9: error: unknown modifier 'startwith'");
  }

  @Test
  void sigma_strings_split_wildcards_and_escapes() {
    assertThat(SigmaString.parse("a*b?c").parts())
        .containsExactly(
            new SigmaString.Literal("a"),
            SigmaString.AnyRun.INSTANCE,
            new SigmaString.Literal("b"),
            SigmaString.AnyChar.INSTANCE,
            new SigmaString.Literal("c"));
    assertThat(SigmaString.parse("a\\*b\\?c\\\\d\\e").parts())
        .containsExactly(new SigmaString.Literal("a*b?c\\d\\e"));
    assertThat(SigmaString.parse("").parts()).containsExactly(new SigmaString.Literal(""));
  }

  @Test
  void problem_prints_as_file_line_column_severity_message() {
    RuleProblem problem =
        new RuleProblem(
            "path/to/rule.yml", 12, 5, RuleProblem.Severity.ERROR, "unknown modifier 'conatins'");
    assertThat(problem).hasToString("path/to/rule.yml:12:5: error: unknown modifier 'conatins'");
  }
}
