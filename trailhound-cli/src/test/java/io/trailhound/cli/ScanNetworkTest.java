package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanNetworkTest {

  private static final Path CORE = Path.of("../trailhound-core/src/test/resources");

  @Test
  void reports_flow_log_skips_with_file_and_line_and_keeps_the_good_records() {
    Cli run = Cli.run("scan", "--no-progress", CORE.resolve("vpcflow/hostile.log").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Network: 1 flow log files, 3 flow records")
        .contains("skipped FIELD_COUNT: 2")
        .contains("skipped INVALID_VALUE: 5")
        .contains("hostile.log#3: dstport is not a number");
  }

  @Test
  void network_findings_and_their_explanations_reach_the_jsonl_output() throws Exception {
    Cli run =
        Cli.run(
            "scan",
            "--output",
            "jsonl",
            CORE.resolve("network/net-brute-force/match/ssh-inbound.log").toString());
    JsonNode finding = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(finding.get("rule_id").asText()).isEqualTo("net-brute-force");
    assertThat(finding.get("types").get(0).asText())
        .isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(finding.toString()).contains("203.0.113.9 made 30 SSH connection attempts");
    JsonNode summary =
        new ObjectMapper()
            .readTree(
                run.err()
                    .lines()
                    .filter(l -> l.contains("scan-summary"))
                    .findFirst()
                    .orElseThrow());
    assertThat(summary.get("network").get("flow_records").asLong()).isEqualTo(30);
  }

  @Test
  void a_bad_flow_format_or_sample_rate_is_a_usage_error() {
    assertThat(Cli.run("scan", "--flow-format", "${version} $$$", "x").code()).isEqualTo(2);
    assertThat(Cli.run("scan", "--flow-sample", "0", "x").code()).isEqualTo(2);
  }

  @Test
  void an_inventoried_lambda_interface_turns_intel_traffic_into_the_function_s_finding(
      @TempDir Path dir) throws Exception {
    Path c2 = dir.resolve("c2.txt");
    Files.writeString(c2, "198.51.100.10\n", StandardCharsets.UTF_8);
    Cli run =
        Cli.run(
            "scan",
            "--output",
            "jsonl",
            "--intel",
            c2 + ":feed:c2",
            "--lambda-interfaces",
            CORE.resolve("network/lambda-inventory/describe-network-interfaces.json").toString(),
            CORE.resolve("network/net-lambda-threat-ip/match/c2/flows.log").toString());

    assertThat(run.code()).isZero();
    JsonNode finding = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(finding.get("rule_id").asText()).isEqualTo("net-lambda-threat-ip");
    assertThat(finding.get("types").get(0).asText()).isEqualTo("Backdoor:Lambda/C&CActivity.B");
    assertThat(finding.get("actor").asText()).isEqualTo("Lambda function orders-api");
  }

  @Test
  void an_unreadable_lambda_inventory_is_a_usage_error_naming_the_line() {
    Cli run =
        Cli.run(
            "scan",
            "--lambda-interfaces",
            CORE.resolve("network/lambda-inventory/bad-line.txt").toString(),
            "x");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--lambda-interfaces").contains("bad-line.txt line 2");
  }

  @Test
  void header_less_lines_are_read_with_the_given_format() {
    String format =
        "${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end}"
            + " ${type} ${packets} ${bytes} ${account-id} ${vpc-id} ${subnet-id} ${instance-id}"
            + " ${interface-id} ${region} ${az-id} ${sublocation-type} ${sublocation-id}"
            + " ${action} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service}"
            + " ${pkt-dst-aws-service} ${traffic-path} ${flow-direction} ${log-status}";
    Cli run =
        Cli.run(
            "scan",
            "--no-progress",
            "--flow-format",
            format,
            CORE.resolve("vpcflow/subscription-filter.json").toString());
    assertThat(run.out()).contains("2 flow records").contains("; 0 skipped");
  }
}
