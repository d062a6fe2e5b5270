package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  private static final Path RESOURCES = Path.of("src/test/resources/cli/simulate");

  @TempDir Path tmp;

  @Test
  void simulate_writes_logs_and_ground_truth_and_says_where() {
    Cli run =
        Cli.run(
            "simulate",
            "--seed",
            "3",
            "--accounts",
            "2",
            "--scale",
            "0.2",
            "--out",
            tmp.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("CloudTrail events")
        .contains("50 scenarios")
        .contains("ground truth: " + tmp.resolve("ground-truth.json"));
    assertThat(tmp.resolve("ground-truth.json")).exists();
    assertThat(tmp.resolve("AWSLogs")).isDirectory();
    assertThat(run.out())
        .contains("VPC flow records")
        .contains("Okta, Entra ID and Microsoft 365 records");
    assertThat(tmp.resolve("m365")).isDirectoryContaining("glob:**/audit-2026-11-16.jsonl");
    assertThat(tmp.resolve("okta")).isDirectoryContaining("glob:**/system-log-2026-11-16.jsonl");
    assertThat(tmp.resolve("entra")).isDirectoryContaining("glob:**/signins-2026-11-16.jsonl");
  }

  @Test
  void sources_cloudtrail_keeps_the_output_to_the_trail() {
    Cli run =
        Cli.run(
            "simulate",
            "--seed",
            "3",
            "--accounts",
            "1",
            "--scale",
            "0.1",
            "--sources",
            "cloudtrail",
            "--out",
            tmp.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("CloudTrail events").doesNotContain("VPC flow records");
    assertThat(tmp.resolve("okta")).doesNotExist();
    assertThat(tmp.resolve("entra")).doesNotExist();
  }

  @Test
  void an_unknown_source_is_a_usage_error() {
    Cli run = Cli.run("simulate", "--sources", "cloudtrail,syslog", "--out", tmp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown source 'syslog'");
  }

  @Test
  void scenarios_limits_the_attacks_to_the_kinds_named() throws IOException {
    Cli run =
        Cli.run(
            "simulate",
            "--seed",
            "3",
            "--accounts",
            "2",
            "--scale",
            "0.05",
            "--scenarios",
            "okta-session-hijack,cloudtrail-delete",
            "--out",
            tmp.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("in 2 scenarios");
    assertThat(Files.readString(tmp.resolve("ground-truth.json")))
        .contains("\"okta-session-hijack-2\"")
        .contains("\"cloudtrail-delete-1\"")
        .doesNotContain("credential-compromise");
  }

  @Test
  void an_unknown_scenario_is_a_usage_error() {
    Cli run = Cli.run("simulate", "--scenarios", "cloudtrail-delete,ddos", "--out", tmp.toString());

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
    assertThat(run.err()).contains("unknown scenario: ddos");
  }

  @Test
  void a_bad_size_is_a_usage_error() {
    Cli run = Cli.run("simulate", "--days", "0", "--out", tmp.toString());

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
    assertThat(run.err()).contains("days must be at least 1");
  }

  @Test
  void scoring_passes_when_every_scenario_is_detected_and_background_is_quiet() {
    Cli run =
        Cli.run(
            "simulate",
            "--score",
            RESOURCES.resolve("detected.jsonl").toString(),
            "--truth",
            RESOURCES.resolve("ground-truth.json").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("credential-compromise-1")
        .contains("PASS: 2 of 2 scenarios detected")
        .contains("findings on background activity: 1, low 1");
  }

  @Test
  void scoring_skips_and_counts_lines_that_are_not_findings_and_scores_the_rest() {
    Cli run =
        Cli.run(
            "simulate",
            "--score",
            RESOURCES.resolve("detected-with-garbage.jsonl").toString(),
            "--truth",
            RESOURCES.resolve("ground-truth.json").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("skipped 3 lines that are not findings")
        .contains("detected-with-garbage.jsonl:1: not JSON")
        .contains("PASS: 2 of 2 scenarios detected");
  }

  @Test
  void an_unreadable_ground_truth_is_a_usage_error() {
    Cli run =
        Cli.run(
            "simulate",
            "--score",
            RESOURCES.resolve("detected.jsonl").toString(),
            "--truth",
            RESOURCES.resolve("detected.jsonl").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("is not a readable ground-truth file");
  }

  @Test
  void scoring_fails_on_a_missed_scenario_or_a_high_finding_on_background() {
    Cli run =
        Cli.run(
            "simulate",
            "--score",
            RESOURCES.resolve("missed.jsonl").toString(),
            "--truth",
            RESOURCES.resolve("ground-truth.json").toString());

    assertThat(run.code()).isEqualTo(Trailhound.FINDINGS_AT_THRESHOLD);
    assertThat(run.out())
        .contains("MISSED")
        .contains("th-cloudtrail-logging-stopped (high)")
        .contains("FAIL: 1 of 2 scenarios detected, 1 high/critical findings on background");
  }

  @Test
  void score_without_truth_is_a_usage_error() {
    Cli run = Cli.run("simulate", "--score", "findings.jsonl");
    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
  }

  @Test
  void demo_simulates_scans_and_reports_every_scenario_detected() throws IOException {
    Cli run = Cli.run("demo", "--out", tmp.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("SEVERITY")
        .contains("Rules:")
        .contains("PASS: 12 of 12 scenarios detected")
        .doesNotContain("MISSED")
        .containsPattern("MALICIOUS  inc-[0-9a-f]+ ")
        .contains("CreatePolicyVersion")
        .contains("report with every incident's timeline and entity graph: ");
    assertThat(run.out()).doesNotContain("BENIGN-EXPLAINED  inc-");
    assertThat(run.out().lines().filter(l -> l.startsWith("    20")))
        .as("timeline steps in whole seconds, so the columns line up")
        .isNotEmpty()
        .allMatch(l -> l.matches("    \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  .*"));
    assertThat(run.out())
        .as("an incident joined by many instances names five and counts the rest")
        .containsPattern("linked by [^\\n]* and \\d+ more");
    assertThat(Files.exists(tmp.resolve("ground-truth.json"))).isTrue();
    assertThat(Files.readString(tmp.resolve("report/report.html"))).contains("<svg");
    assertThat(tmp.resolve("report/incidents.json")).isNotEmptyFile();
  }
}
