package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvestigateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("src/test/resources/cli/investigate");
  private static final String CHAIN = DIR.resolve("role-chain.jsonl").toString();

  @TempDir Path tmp;

  private static String findingId(String rule) throws IOException {
    Cli scan = Cli.run("scan", "--output", "jsonl", CHAIN);
    for (String line : scan.out().split("\n")) {
      JsonNode f = JSON.readTree(line);
      if (f.get("rule_name").asText().equals(rule)) {
        return f.get("id").asText();
      }
    }
    throw new AssertionError("no " + rule + " in " + scan.out());
  }

  @Test
  void prints_the_timeline_of_a_finding_from_patient_zero() throws IOException {
    Cli run = Cli.run("investigate", CHAIN, findingId("th-iam-user-created"));

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("verdict: malicious")
        .contains("actor: alice")
        .contains("patient zero: 2026-11-20T10:00:00Z GetCallerIdentity from 198.51.100.23")
        .contains("persistence: iam-user arn:aws:iam::222222222222:user/backup-svc")
        .contains("removed by rc-12-key-deleted")
        .contains("disable-access-key AKIAALICEKEY0000001");
    assertThat(run.out().indexOf("rc-01-whoami")).isLessThan(run.out().indexOf("rc-10-backdoor"));
  }

  @Test
  void the_whole_investigation_as_json_carries_every_link_with_its_evidence() throws IOException {
    Cli run = Cli.run("investigate", CHAIN, "--actor", "ASIAPRODDEPLOY00001", "--output", "json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode inv = JSON.readTree(run.out());
    assertThat(inv.get("schema").asText()).isEqualTo("trailhound.investigation/v1");
    assertThat(inv.at("/actor/links/0/evidence").asText()).isNotEmpty();
    assertThat(inv.at("/summary/patient_zero").asText()).isEqualTo("rc-01-whoami");
    assertThat(inv.get("timeline").size()).isEqualTo(inv.get("evidence").size());
    assertThat(inv.at("/verdict/kind").asText()).isEqualTo("malicious");
  }

  @Test
  void an_unknown_finding_is_a_usage_error() {
    Cli run = Cli.run("investigate", CHAIN, "no-such-finding");

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
    assertThat(run.err()).contains("no finding no-such-finding");
  }

  @Test
  void terminal_output_escapes_hostile_log_text() {
    Cli run =
        Cli.run(
            "investigate",
            DIR.resolve("hostile.jsonl").toString(),
            "--actor",
            "ASIAHOSTILE00000001");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("\u001b");
  }

  @Test
  void scan_writes_incidents_and_a_self_contained_report() throws IOException {
    Path report = tmp.resolve("report");
    Cli run =
        Cli.run(
            "scan",
            "--output",
            "jsonl",
            "--investigate",
            "low",
            "--report",
            report.toString(),
            CHAIN);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("into 1 incident(s) (1 malicious");
    JsonNode incidents = JSON.readTree(report.resolve("incidents.json").toFile());
    assertThat(incidents.get("schema").asText()).isEqualTo("trailhound.incidents/v1");
    assertThat(incidents.at("/incidents/0/verdict").asText()).isEqualTo("malicious");
    assertThat(Files.readString(report.resolve("incidents.md"), StandardCharsets.UTF_8))
        .startsWith("# Trailhound incidents");
    assertThat(Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>")
        .contains("<svg");
  }

  @Test
  void a_bad_investigate_severity_is_a_usage_error() {
    Cli run = Cli.run("scan", "--investigate", "severe", CHAIN);

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
    assertThat(run.err()).contains("--investigate");
  }
}
