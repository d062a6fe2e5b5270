package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(RuleLoaderTest.class.getResource(path).toURI());
  }

  @Test
  void loads_yaml_files_recursively_in_sorted_order_and_ignores_other_files() throws Exception {
    assertThat(RuleLoader.load(resource("/lint/duplicates")))
        .extracting(SigmaRule::title)
        .containsExactly("First", "Second");
  }

  @Test
  void load_fails_fast_with_the_problems_of_every_file() throws Exception {
    assertThatThrownBy(() -> RuleLoader.load(resource("/lint/broken")))
        .isInstanceOfSatisfying(
            RuleException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RuleProblem::message)
                    .containsExactly(
                        "unknown modifier 'endwith'",
                        "invalid regular expression '[unclosed': missing closing ]"));
  }

  @Test
  void collect_returns_the_valid_rules_with_the_problems() throws Exception {
    ParseResult result = RuleLoader.collect(resource("/lint/broken"));
    assertThat(result.rules()).extracting(SigmaRule::title).containsExactly("Good");
    assertThat(result.problems()).hasSize(2);
  }

  @Test
  void loads_rules_listed_in_a_classpath_index() {
    assertThat(RuleLoader.loadFromClasspath(getClass().getClassLoader(), "detect-index/index.txt"))
        .extracting(SigmaRule::ruleId)
        .containsExactly(
            "index-stop-logging",
            "index-s3-get",
            "index-boto",
            "index-either",
            "index-trail-changes",
            "index-root");
  }

  @Test
  void missing_index_entries_are_errors_at_their_index_line() {
    ParseResult result =
        RuleLoader.collectFromClasspath(getClass().getClassLoader(), "loader/index.txt");
    assertThat(result.rules()).hasSize(1);
    assertThat(result.problems())
        .extracting(RuleProblem::toString)
        .containsExactly(
            "loader/index.txt:3:1: error: listed rule resource 'loader/missing.yml' not found");
  }

  @Test
  void bad_placeholder_file_is_rejected_with_the_position() throws Exception {
    assertThatThrownBy(() -> Placeholders.load(resource("/lint/config/bad_placeholders.yml")))
        .isInstanceOf(RuleException.class)
        .hasMessageEndingWith(":3:7: error: placeholder values must be scalars");
  }
}
