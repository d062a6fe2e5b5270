package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CoverageCommandTest {

  private static final String PACK = Path.of("src/test/resources/cli/coverage-pack").toString();

  @Test
  void the_builtin_content_covers_every_stratus_technique_and_says_which_rule_does() {
    Cli run = Cli.run("rules", "coverage");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Stratus Red Team AWS techniques: 44 of 44 covered")
        .containsPattern(
            "covered +aws\\.defense-evasion\\.cloudtrail-stop +th-cloudtrail-logging-stopped")
        .containsPattern(
            "covered +Stealth:IAMUser/CloudTrailLoggingDisabled +th-cloudtrail-logging-stopped")
        .contains("CloudTrail management events (Custom Detection Rules): 25 of 25 covered")
        .contains("MITRE ATT&CK IaaS techniques:");
  }

  @Test
  void missing_lists_only_the_gaps_and_groups_them_by_data_source() {
    Cli run = Cli.run("rules", "coverage", "--missing");

    assertThat(run.out())
        .contains("CloudTrail (AI Protection): 2 of 3 covered")
        .containsPattern("MISSING +Impact:IAMUser/PromptInjection.Direct")
        .contains("Lambda network activity: 7 of 7 covered")
        .doesNotContainPattern("MISSING +Backdoor:Lambda/C&CActivity.B")
        .doesNotContainPattern("MISSING +Recon:EC2/Portscan")
        .doesNotContainPattern("covered +Stealth:IAMUser/CloudTrailLoggingDisabled");
  }

  @Test
  void json_output_carries_counts_and_the_rules_behind_each_entry() throws Exception {
    Cli run = Cli.run("rules", "coverage", "--no-builtin", "--rules", PACK, "--output", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.code()).isZero();
    assertThat(json.path("schema").asText()).isEqualTo("trailhound.coverage/v1");
    assertThat(json.at("/stratus/total").asInt()).isEqualTo(44);
    assertThat(json.at("/stratus/covered").asInt()).isEqualTo(1);
    JsonNode stop =
        find(json.at("/stratus/techniques"), "id", "aws.defense-evasion.cloudtrail-stop");
    assertThat(stop.path("covered").asBoolean()).isTrue();
    assertThat(stop.path("covered_by").get(0).asText()).isEqualTo("my-stop-logging");
    JsonNode type =
        find(json.at("/guardduty/types"), "type", "Stealth:IAMUser/CloudTrailLoggingDisabled");
    assertThat(type.path("category").asText()).isEqualTo("CloudTrail management events");
    assertThat(type.path("from_cloudtrail").asBoolean()).isTrue();
    assertThat(find(json.at("/attack/techniques"), "id", "T1562").path("covered").asBoolean())
        .isTrue();
  }

  @Test
  void fail_on_missing_exits_1_for_a_pack_with_gaps_and_0_for_a_goal_it_meets() {
    Cli gaps = Cli.run("rules", "coverage", "--no-builtin", "--rules", PACK, "--fail-on-missing");
    Cli stratus = Cli.run("rules", "coverage", "--fail-on-missing=stratus");

    assertThat(gaps.code()).isEqualTo(1);
    assertThat(stratus.code()).isZero();
  }

  @Test
  void an_unknown_output_format_is_a_usage_error() {
    Cli run = Cli.run("rules", "coverage", "--output", "xml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown --output xml");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError(field + " " + value + " not in " + array);
  }
}
