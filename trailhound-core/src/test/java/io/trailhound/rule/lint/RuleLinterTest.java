package io.trailhound.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleProblem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLinterTest {

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(RuleLinterTest.class.getResource(path).toURI());
  }

  private static List<String> printed(List<RuleProblem> problems, Path base) {
    return problems.stream()
        .map(p -> p.toString().substring(base.toString().length() + 1))
        .toList();
  }

  @Test
  void duplicate_ids_across_files_are_errors_at_the_id_line() throws Exception {
    Path dir = resource("/lint/duplicates");
    List<RuleProblem> problems = RuleLinter.lint(dir);
    assertThat(printed(problems, dir))
        .containsExactly(
            "sub/second.yml:2:1: error: duplicate id '0a0a0a0a-0000-4000-8000-000000000001',"
                + " also used by "
                + dir.resolve("first.yml"));
  }

  @Test
  void reports_the_problems_of_every_file_in_file_order() throws Exception {
    Path dir = resource("/lint/broken");
    assertThat(printed(RuleLinter.lint(dir), dir))
        .containsExactly(
            "a_bad_modifier.yml:7:9: error: unknown modifier 'endwith'",
            "b_bad_regex.yaml:7:23: error: invalid regular expression '[unclosed':"
                + " missing closing ]");
  }

  @Test
  void unconfigured_placeholders_are_warnings_at_the_field() throws Exception {
    Path dir = resource("/lint/placeholders");
    assertThat(printed(RuleLinter.lint(dir), dir))
        .containsExactly(
            "admins.yml:7:9: warning: placeholder '%Administrators%' has no configured values,"
                + " so 'userIdentity.userName' matches nothing");
  }

  @Test
  void configured_placeholders_are_not_reported() throws Exception {
    Placeholders placeholders = Placeholders.load(resource("/lint/config/placeholders.yml"));
    assertThat(placeholders.valuesOf("Administrators")).containsExactly("alice", "ops-*");
    assertThat(placeholders.valuesOf("Servers")).containsExactly("srv-1");
    assertThat(RuleLinter.lint(resource("/lint/placeholders"), placeholders)).isEmpty();
  }
}
