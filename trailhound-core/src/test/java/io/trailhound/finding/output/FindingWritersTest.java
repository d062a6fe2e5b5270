package io.trailhound.finding.output;

import static io.trailhound.finding.TestEvents.event;
import static io.trailhound.finding.TestEvents.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import io.trailhound.finding.Severity;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingWritersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  private static List<Finding> findings() {
    FindingCollector c = new FindingCollector();
    c.add(
        rule("th-iam-user-created", Severity.HIGH),
        event(
            "ev-1", "2026-11-20T09:00:00Z", "arn:aws:iam::111122223333:user/alice", "CreateUser"));
    return c.findings();
  }

  private static String write(OutputFormat format) throws Exception {
    StringWriter out = new StringWriter();
    format.writer(CLOCK, "0.1.0").write(findings(), out);
    return out.toString();
  }

  @Test
  void jsonl_carries_every_contract_field() throws Exception {
    String text = write(OutputFormat.JSONL);
    assertThat(text.lines()).hasSize(1);
    JsonNode f = JSON.readTree(text);
    assertThat(f.fieldNames())
        .toIterable()
        .contains(
            "id",
            "rule_id",
            "title",
            "severity",
            "types",
            "attack",
            "account",
            "region",
            "actor",
            "first_seen",
            "last_seen",
            "evidence");
    assertThat(f.get("severity").asText()).isEqualTo("high");
    assertThat(f.get("attack").get(0).asText()).isEqualTo("T1136.003");
    assertThat(f.get("evidence").get(0).asText()).isEqualTo("ev-1");
    assertThat(f.get("first_seen").asText()).isEqualTo("2026-11-20T09:00:00Z");
  }

  @Test
  void ocsf_is_a_detection_finding_of_class_2004() throws Exception {
    JsonNode f = JSON.readTree(write(OutputFormat.OCSF));
    assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
    assertThat(f.get("type_uid").asLong()).isEqualTo(200401);
    assertThat(f.get("severity_id").asInt()).isEqualTo(4);
    assertThat(f.at("/finding_info/uid").asText()).isNotBlank();
    assertThat(f.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1136.003");
    assertThat(f.at("/metadata/version").asText()).isEqualTo("1.1.0");
    assertThat(f.at("/cloud/account/uid").asText()).isEqualTo("111122223333");
    assertThat(f.at("/evidences/0/api/operation").asText()).isEqualTo("CreateUser");
  }

  @Test
  void asff_has_every_field_security_hub_requires() throws Exception {
    JsonNode all = JSON.readTree(write(OutputFormat.ASFF));
    assertThat(all.isArray()).isTrue();
    JsonNode f = all.get(0);
    for (String field :
        List.of(
            "SchemaVersion",
            "Id",
            "ProductArn",
            "GeneratorId",
            "AwsAccountId",
            "CreatedAt",
            "UpdatedAt",
            "Title",
            "Description",
            "Resources",
            "Severity",
            "Types")) {
      assertThat(f.has(field)).as(field).isTrue();
    }
    assertThat(f.get("SchemaVersion").asText()).isEqualTo("2018-10-08");
    assertThat(f.get("ProductArn").asText())
        .isEqualTo("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default");
    assertThat(f.at("/Severity/Label").asText()).isEqualTo("HIGH");
    assertThat(f.at("/Types/0").asText())
        .isEqualTo("TTPs/Persistence/Persistence:IAMUser-AnomalousBehavior");
    assertThat(f.get("CreatedAt").asText()).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(f.at("/Resources/0/Type").asText()).isEqualTo("AwsIamAccessKey");
  }

  @Test
  void asff_resource_types_follow_security_hub_naming() {
    assertThat(AsffFindingWriter.asffType("AWS::IAM::Role")).isEqualTo("AwsIamRole");
    assertThat(AsffFindingWriter.asffType("AWS::S3::Bucket")).isEqualTo("AwsS3Bucket");
    assertThat(AsffFindingWriter.asffType("AWS::EC2::Instance")).isEqualTo("AwsEc2Instance");
    assertThat(AsffFindingWriter.asffType("AWS::CloudTrail::Trail"))
        .isEqualTo("AwsCloudTrailTrail");
    assertThat(AsffFindingWriter.asffType(null)).isEqualTo("Other");
  }
}
