package io.trailhound.scan;

import static io.trailhound.scan.BaselineRun.of;
import static io.trailhound.scan.BaselineRun.scan;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.detect.baseline.AwsIpRanges;
import io.trailhound.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineResourceTest {

  private static List<Finding> withRanges(String... files) throws Exception {
    AwsIpRanges ranges = AwsIpRanges.load(BaselineRun.DIR.resolve("ip-ranges-sample.json"));
    return BaselineRun.scan(
        BaselineStage.newStore(), BaselineRun.config().withAwsRanges(ranges), 2, files);
  }

  @Test
  void an_etl_roles_usual_object_reads_and_writes_are_not_anomalous() {
    assertThat(scan("s3-history.jsonl", "s3-usual.jsonl")).isEmpty();
  }

  @Test
  void an_etl_role_listing_buckets_deleting_objects_and_opening_a_policy_is_anomalous() {
    List<Finding> findings = scan("s3-history.jsonl", "s3-wipe.jsonl");
    assertThat(findings)
        .extracting(f -> f.rule().ruleId())
        .containsExactlyInAnyOrder(
            "th-baseline-s3-anomalous-discovery",
            "th-baseline-s3-anomalous-delete",
            "th-baseline-s3-anomalous-permission");
    Finding delete = of(findings, "th-baseline-s3-anomalous-delete").get(0);
    assertThat(delete.rule().types())
        .containsExactly("Impact:S3/AnomalousBehavior.Delete", "Impact:S3/ObjectDelete.Unusual");
    assertThat(delete.explanation())
        .contains("called s3.amazonaws.com DeleteObjects")
        .contains("its first s3-delete call")
        .contains("used only s3-read (12 in all), s3-write (12 in all)");
    assertThat(of(findings, "th-baseline-s3-anomalous-permission").get(0).rule().types())
        .contains("Impact:S3/PermissionsModification.Unusual");
  }

  @Test
  void lambda_credentials_from_aws_addresses_are_usual() throws Exception {
    assertThat(withRanges("lambda-usual.jsonl")).isEmpty();
  }

  @Test
  void lambda_credentials_outside_aws_or_through_another_accounts_endpoint_are_reported()
      throws Exception {
    List<Finding> findings = withRanges("lambda-usual.jsonl", "lambda-stolen.jsonl");
    assertThat(of(findings, "th-baseline-resource-credential-outside-aws"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.sourceIps()).containsExactly("203.0.113.9");
              assertThat(f.explanation())
                  .startsWith("AWS::Lambda::Function credentials")
                  .contains("outside AWS's published ranges");
            });
    assertThat(of(findings, "th-baseline-resource-credential-inside-aws"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("through a VPC endpoint of account 999988887777"));
  }

  @Test
  void without_aws_ranges_lambda_addresses_are_not_judged() {
    assertThat(
            of(
                scan("lambda-usual.jsonl", "lambda-stolen.jsonl"),
                "th-baseline-resource-credential-outside-aws"))
        .isEmpty();
  }
}
