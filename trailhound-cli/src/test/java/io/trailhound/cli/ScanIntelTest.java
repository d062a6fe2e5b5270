package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanIntelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path RESOURCES = Path.of("src/test/resources/cli/intel");

  private static List<JsonNode> lines(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static String intel(String file, String rest) {
    return EXAMPLES.resolve("intel").resolve(file) + rest;
  }

  @Test
  void the_example_lists_flag_the_tor_root_sign_in_and_the_kali_attacker() throws IOException {
    Cli run =
        Cli.run(
            "scan",
            "--output",
            "jsonl",
            "--intel",
            intel("tor-exits.txt", ":tor-exits:tor-exit:80"),
            "--intel",
            intel("threat-feed.stix.json", ":example-feed:malicious"),
            "--geoip",
            RESOURCES.toString(),
            EXAMPLES.resolve("logs").toString());

    assertThat(run.code()).isZero();
    List<JsonNode> intelFindings =
        lines(run.out()).stream()
            .filter(f -> f.get("rule_id").asText().startsWith("th-intel-"))
            .toList();
    assertThat(intelFindings)
        .anySatisfy(
            f -> {
              assertThat(f.get("types").get(0).asText())
                  .isEqualTo("UnauthorizedAccess:IAMUser/TorIPCaller");
              assertThat(f.get("actor").asText()).isEqualTo("arn:aws:iam::111122223333:root");
              assertThat(f.get("evidence").toString())
                  .contains("c6641584-e84a-4806-b004-dbdeceb201ad");
              assertThat(f.get("explanation").asText())
                  .startsWith(
                      "203.0.113.200 (AS64498 Example Carrier, DE) is on list 'tor-exits'"
                          + " (tor-exit, confidence 80, 4 entries)");
            });
    assertThat(intelFindings)
        .extracting(f -> f.get("types").get(0).asText())
        .contains("Recon:IAMUser/MaliciousIPCaller", "Discovery:S3/MaliciousIPCaller")
        .doesNotContain("UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom");

    JsonNode summary = lines(run.err()).get(0);
    assertThat(summary.get("intel_lists")).hasSize(2);
    assertThat(summary.get("intel_lists").get(1).get("left_out").get("expired").asInt())
        .isEqualTo(1);
    assertThat(summary.get("enrichment").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void without_a_database_the_summary_says_enrichment_is_off() {
    Cli run =
        Cli.run(
            "scan",
            "--no-progress",
            "--intel",
            intel("tor-exits.txt", ":tor-exits:tor-exit"),
            EXAMPLES.resolve("logs").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("API called from a Tor exit node")
        .contains("Intel list 'tor-exits' (tor-exit, text, confidence 70): 4 addresses/networks")
        .contains("Enrichment: off");
  }

  @Test
  void bad_list_lines_are_reported_with_line_numbers_and_escaped() {
    Cli run =
        Cli.run(
            "scan",
            "--no-progress",
            "--intel",
            RESOURCES.resolve("hostile.txt").toString(),
            EXAMPLES.resolve("logs").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Intel list 'hostile' (custom, text, confidence 70): 1 addresses/networks")
        .contains("1 bad entries")
        .contains("hostile.txt:3: not an IP, CIDR, domain or URL")
        .doesNotContain("\u001b");
  }

  @Test
  void the_default_scan_says_nothing_about_intel() {
    Cli run = Cli.run("scan", "--no-progress", EXAMPLES.resolve("logs").toString());
    assertThat(run.out()).doesNotContain("Intel list").doesNotContain("Enrichment");
  }

  @Test
  void an_unknown_kind_or_a_missing_list_is_a_usage_error() {
    Cli kind = Cli.run("scan", "--intel", intel("tor-exits.txt", ":x:evil"), EXAMPLES.toString());
    assertThat(kind.code()).isEqualTo(2);
    assertThat(kind.err()).contains("unknown intel kind 'evil'");

    Cli missing = Cli.run("scan", "--intel", "no-such-list.txt", EXAMPLES.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-list.txt");

    Cli geo = Cli.run("scan", "--geoip", "no-such-db", EXAMPLES.toString());
    assertThat(geo.code()).isEqualTo(2);
    assertThat(geo.err()).contains("no-such-db");
  }
}
