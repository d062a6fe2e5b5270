package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path RESOURCES = Path.of("src/test/resources/cli");

  private static List<JsonNode> lines(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void example_logs_raise_exactly_the_expected_findings() throws IOException {
    Cli run = Cli.run("scan", "--output", "jsonl", EXAMPLES.resolve("logs").toString());

    assertThat(run.code()).isZero();
    Set<String> actual = new HashSet<>();
    for (JsonNode f : lines(run.out())) {
      for (JsonNode id : f.get("evidence")) {
        actual.add(id.asText() + " " + f.get("rule_name").asText());
      }
    }
    Set<String> expected = new HashSet<>();
    List<String> tsv =
        Files.readAllLines(EXAMPLES.resolve("expected-findings.tsv"), StandardCharsets.UTF_8);
    for (String row : tsv.subList(1, tsv.size())) {
      String[] cols = row.split("\t");
      expected.add(cols[4] + " " + cols[5]);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void the_run_summary_is_json_on_stderr_for_machine_output() throws IOException {
    Cli run = Cli.run("scan", "--output", "jsonl", EXAMPLES.resolve("logs").toString());
    JsonNode summary = lines(run.err()).get(0);
    assertThat(summary.get("schema").asText()).isEqualTo("trailhound.scan-summary/v1");
    assertThat(summary.get("events").asLong()).isEqualTo(536);
    assertThat(summary.get("skipped").asLong()).isZero();
  }

  @Test
  void table_output_lists_findings_and_the_summary() {
    Cli run = Cli.run("scan", EXAMPLES.resolve("logs").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("CloudTrail logging stopped")
        .contains("Root user signed in to the console without MFA")
        .contains("536 events")
        .contains("findings: 16");
  }

  @Test
  void fail_on_sets_exit_code_one_when_a_finding_reaches_it() {
    assertThat(Cli.run("scan", "--fail-on", "high", EXAMPLES.resolve("logs").toString()).code())
        .isEqualTo(1);
    assertThat(Cli.run("scan", "--fail-on", "critical", EXAMPLES.resolve("logs").toString()).code())
        .isZero();
  }

  @Test
  void exit_code_three_only_when_nothing_could_be_read() {
    Cli none = Cli.run("scan", RESOURCES.resolve("garbage.log").toString(), "no/such/file.json");
    assertThat(none.code()).isEqualTo(3);
    assertThat(none.out()).contains("UNKNOWN_FORMAT").contains("UNREADABLE");

    Cli some =
        Cli.run(
            "scan",
            RESOURCES.resolve("garbage.log").toString(),
            RESOURCES.resolve("hostile-actor.json").toString());
    assertThat(some.code()).isZero();
  }

  @Test
  void truncated_input_is_reported_with_its_reason_and_file() throws IOException {
    Cli run = Cli.run("scan", "--output", "jsonl", RESOURCES.resolve("truncated.json").toString());
    assertThat(run.code()).isEqualTo(3);
    JsonNode summary = JSON.readTree(run.err().lines().findFirst().orElseThrow());
    assertThat(summary.at("/skipped_by_reason/truncated").asLong()).isEqualTo(1);
    assertThat(summary.at("/skip_examples/0/location").asText()).endsWith("truncated.json");
  }

  @Test
  void log_fields_cannot_inject_terminal_escapes() {
    Cli run = Cli.run("scan", RESOURCES.resolve("hostile-actor.json").toString());
    assertThat(run.out()).contains("CloudTrail logging stopped").contains("\\u001b[2J");
    assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u202e");
  }

  @Test
  void ocsf_and_asff_outputs_parse(@TempDir Path dir) throws IOException {
    Cli ocsf = Cli.run("scan", "--output", "ocsf", EXAMPLES.resolve("logs").toString());
    assertThat(lines(ocsf.out()))
        .hasSize(16)
        .allSatisfy(f -> assertThat(f.get("class_uid").asInt()).isEqualTo(2004));

    Path asff = dir.resolve("findings.asff.json");
    Cli run =
        Cli.run(
            "scan", "--output", "asff", "-o", asff.toString(), EXAMPLES.resolve("logs").toString());
    assertThat(run.code()).isZero();
    JsonNode all = JSON.readTree(asff.toFile());
    assertThat(all.size()).isEqualTo(16);
    assertThat(all.get(0).get("SchemaVersion").asText()).isEqualTo("2018-10-08");
  }

  @Test
  void bench_rejects_an_empty_corpus_as_a_usage_error() {
    Cli run = Cli.run("bench", "--events", "0", "--files", "0");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bench needs --files >= 1");
  }

  @Test
  void unknown_output_format_is_a_usage_error() {
    Cli run = Cli.run("scan", "--output", "xml", EXAMPLES.resolve("logs").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown --output 'xml'");
  }

  @Test
  void baseline_state_is_saved_and_a_corrupt_state_file_is_a_usage_error(@TempDir Path dir)
      throws IOException {
    Path state = dir.resolve("state.json");
    Cli first =
        Cli.run(
            "scan",
            "--state",
            state.toString(),
            "--output",
            "jsonl",
            EXAMPLES.resolve("logs").toString());
    assertThat(first.code()).isZero();
    assertThat(Files.readString(state, StandardCharsets.UTF_8))
        .startsWith("{\"schema\":\"trailhound.baseline-state/v1\"")
        .contains("AKIAQRSTUVWXYZSVCREP");

    Path corrupt = RESOURCES.resolve("truncated.json");
    Cli bad = Cli.run("scan", "--state", corrupt.toString(), EXAMPLES.resolve("logs").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--state").contains("truncated.json");

    Cli negative = Cli.run("scan", "--learning-days", "-1", EXAMPLES.resolve("logs").toString());
    assertThat(negative.code()).isEqualTo(2);
  }
}
