package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.detect.network.LambdaInterfaces;
import io.trailhound.detect.network.NetworkDetection;
import io.trailhound.event.Resource;
import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.source.net.NetworkOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lambda functions' network findings when the interfaces are known from an inventory rather than
 * from CloudTrail (the fixtures of {@code net-lambda-threat-ip} cover the CloudTrail path).
 */
class LambdaNetworkFindingsTest {

  @Test
  void reads_lambda_interfaces_from_describe_network_interfaces_output() throws IOException {
    LambdaInterfaces enis = read("describe-network-interfaces.json");

    assertThat(enis.asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "eni-0f1e2d3c4b5a69788", "orders-api",
                "eni-0aa11bb22cc33dd44", "nightly-export"));
  }

  @Test
  void reads_interface_and_function_lines_with_names_or_arns() throws IOException {
    LambdaInterfaces enis = read("interfaces.txt");

    assertThat(enis.function("eni-0f1e2d3c4b5a69788")).isEqualTo("orders-api");
    assertThat(enis.function("eni-0aa11bb22cc33dd44")).isEqualTo("nightly-export");
    assertThat(enis.function("eni-0a1b2c3d4e5f60718")).isNull();
  }

  @Test
  void a_line_without_an_interface_id_is_refused_with_its_line_number() {
    assertThatThrownBy(() -> read("bad-line.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad-line.txt line 2");
  }

  @Test
  void flows_of_an_inventoried_lambda_interface_raise_the_lambda_type_naming_the_function()
      throws IOException {
    List<Finding> found =
        scan(
            NetworkScans.resource("net-lambda-threat-ip/match/c2/flows.log"),
            read("describe-network-interfaces.json"));

    Finding f = lambdaFinding(found);
    assertThat(f.rule().types()).containsExactly("Backdoor:Lambda/C&CActivity.B");
    assertThat(f.rule().severity()).isEqualTo(Severity.HIGH);
    assertThat(f.actor()).isEqualTo("Lambda function orders-api");
    assertThat(f.actorType()).isEqualTo("LambdaFunction");
    assertThat(f.resources())
        .extracting(Resource::arn)
        .contains(
            "arn:aws:lambda:us-east-1:111122223333:function:orders-api",
            "arn:aws:ec2:us-east-1:111122223333:network-interface/eni-0f1e2d3c4b5a69788");
    assertThat(f.region()).as("from the interface's availability zone").isEqualTo("us-east-1");
    assertThat(f.explanation())
        .startsWith("Lambda function orders-api (its VPC interface eni-0f1e2d3c4b5a69788)")
        .contains("198.51.100.10");
  }

  @Test
  void medium_types_keep_guardduty_severity() throws IOException {
    List<Finding> found =
        scan(
            NetworkScans.resource("net-lambda-threat-ip/match/blackhole/flows.log"),
            new LambdaInterfaces(Map.of("eni-0f1e2d3c4b5a69788", "report-builder")));

    Finding f = lambdaFinding(found);
    assertThat(f.rule().types()).containsExactly("Trojan:Lambda/BlackholeTraffic");
    assertThat(f.rule().severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void without_an_inventory_or_cloudtrail_the_same_flows_stay_an_interface_finding()
      throws IOException {
    List<Finding> found =
        scan(
            NetworkScans.resource("net-lambda-threat-ip/match/c2/flows.log"),
            new LambdaInterfaces());

    assertThat(found)
        .noneMatch(f -> f.rule().ruleId().equals(NetworkDetection.LAMBDA_ID))
        .anySatisfy(
            f -> assertThat(f.rule().types()).containsExactly("Backdoor:EC2/C&CActivity.B"));
  }

  private static Finding lambdaFinding(List<Finding> found) {
    List<Finding> lambda =
        found.stream().filter(f -> f.rule().ruleId().equals(NetworkDetection.LAMBDA_ID)).toList();
    assertThat(lambda).hasSize(1);
    return lambda.get(0);
  }

  private static LambdaInterfaces read(String name) throws IOException {
    Path file = NetworkScans.resource("lambda-inventory/" + name);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return LambdaInterfaces.read(name, in);
    }
  }

  private static List<Finding> scan(Path flows, LambdaInterfaces inventory) {
    return new ScanService(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .scan(
            InputSpec.expand(List.of(flows.toString())),
            RuleCatalog.load(false, List.of(), Placeholders.none()),
            ScanOptions.defaults().withThreads(1),
            NetworkScan.defaults()
                .withOptions(new NetworkOptions(null, false, 1, 1))
                .withIntel(NetworkScans.intel())
                .withLambdaInterfaces(inventory))
        .findings();
  }
}
