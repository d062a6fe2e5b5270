package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scan} over an Okta log and a GuardDuty export in one folder, no format named. */
class IdentityScanCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("src/test/resources/cli/identity");

  @Test
  void the_table_marks_other_tools_findings_and_the_summary_counts_sources() {
    Cli run = Cli.run("scan", "--no-progress", DIR.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("[guardduty] Credentials for the EC2")
        .contains("Okta MFA factor deactivated or reset")
        .contains("it-admin@example.com")
        .contains(
            "events by source: okta 8; other tools' findings read: 3 (1 inactive, not reported)")
        .contains("Reported by GuardDuty (severity 8), 14 times");
  }

  @Test
  void json_lines_say_who_reported_each_finding() throws IOException {
    Cli run = Cli.run("scan", "--output", "jsonl", DIR.toString());

    List<String> reporters = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      if (!line.isBlank()) {
        reporters.add(JSON.readTree(line).get("reported_by").asText());
      }
    }
    assertThat(reporters).contains("trailhound", "guardduty").hasSize(5);
    JsonNode summary = JSON.readTree(run.err().split("\n")[0]);
    assertThat(summary.get("events_by_source").get("okta").asLong()).isEqualTo(8);
    assertThat(summary.get("external_findings").asLong()).isEqualTo(3);
    assertThat(summary.get("external_findings_inactive").asLong()).isEqualTo(1);
  }

  @Test
  void a_folder_of_findings_only_is_not_nothing_read() {
    Cli run = Cli.run("scan", DIR.resolve("guardduty-get-findings.json").toString());

    assertThat(run.code()).isZero();
    assertThat(run.err()).doesNotContain("nothing could be read");
  }
}
