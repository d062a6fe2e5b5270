package io.trailhound.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coverage from declared labels, on small catalogues kept as test files. */
class CoverageTest {

  private static final CoverageCatalogs CATALOGS =
      CoverageCatalogs.parse(
          text("coverage/guardduty.tsv"), text("coverage/mitre.tsv"), text("coverage/stratus.tsv"));

  private static final ContentItem STOP_LOGGING =
      new ContentItem(
          "th-cloudtrail-logging-stopped",
          ContentKind.RULE,
          List.of("Stealth:IAMUser/CloudTrailLoggingDisabled"),
          List.of("T1562.008"),
          List.of("aws.defense-evasion.cloudtrail-stop"));

  @Test
  void a_guardduty_type_is_covered_by_the_rules_that_name_it_in_finding_types() {
    CoverageReport report = Coverage.compute(CATALOGS, List.of(STOP_LOGGING));

    assertThat(report.guardDuty())
        .filteredOn(Covered::covered)
        .extracting(c -> c.entry().type(), Covered::coveredBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Stealth:IAMUser/CloudTrailLoggingDisabled",
                List.of("th-cloudtrail-logging-stopped")));
    assertThat(report.missingCloudTrailTypes())
        .extracting(GuardDutyType::type)
        .containsExactly("Policy:S3/BucketAnonymousAccessGranted");
  }

  @Test
  void types_logs_cannot_produce_are_left_out_and_network_types_are_not_cloudtrail_gaps() {
    CoverageReport report = Coverage.compute(CATALOGS, List.of());

    assertThat(report.guardDuty())
        .extracting(c -> c.entry().type())
        .doesNotContain("Execution:Runtime/NewBinaryExecuted")
        .contains("Recon:EC2/Portscan");
    assertThat(report.missingCloudTrailTypes())
        .extracting(GuardDutyType::type)
        .doesNotContain("Recon:EC2/Portscan");
  }

  @Test
  void a_sub_technique_covers_its_parent_but_not_its_siblings() {
    CoverageReport report = Coverage.compute(CATALOGS, List.of(STOP_LOGGING));

    assertThat(report.attack())
        .filteredOn(Covered::covered)
        .extracting(c -> c.entry().id())
        .containsExactly("T1562", "T1562.008");
  }

  @Test
  void a_stratus_technique_is_covered_only_when_content_declares_it() {
    CoverageReport report = Coverage.compute(CATALOGS, List.of(STOP_LOGGING));

    assertThat(report.missingStratus())
        .extracting(StratusTechnique::id)
        .containsExactly("aws.discovery.ses-enumerate");
    assertThat(report.stratus().get(0).coveredBy())
        .containsExactly("th-cloudtrail-logging-stopped");
    assertThat(report.stratus().get(0).entry().eventNames()).containsExactly("StopLogging");
  }

  @Test
  void labels_the_catalogues_do_not_know_are_reported_with_who_declared_them() {
    ContentItem typo =
        new ContentItem(
            "my-rule",
            ContentKind.RULE,
            List.of("Stealth:IAMUser/CloudTrailLogingDisabled"),
            List.of(),
            List.of("aws.defense-evasion.cloudtrail-stopp"));

    CoverageReport report = Coverage.compute(CATALOGS, List.of(STOP_LOGGING, typo));

    assertThat(report.unknownTypes())
        .containsExactly("Stealth:IAMUser/CloudTrailLogingDisabled <- my-rule");
    assertThat(report.unknownStratus())
        .containsExactly("aws.defense-evasion.cloudtrail-stopp <- my-rule");
  }

  @Test
  void a_catalogue_without_a_column_fails_naming_it() {
    assertThatThrownBy(
            () ->
                CoverageCatalogs.parse(
                    "finding_type\tmeaning\nX:Y/Z\tm\n", "", text("coverage/stratus.tsv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource_type");
  }

  @Test
  void the_bundled_catalogues_load_and_hold_every_row() {
    CoverageCatalogs builtin = CoverageCatalogs.builtin();

    assertThat(builtin.guardDuty()).hasSize(249);
    assertThat(builtin.attack()).hasSize(104);
    assertThat(builtin.stratus()).hasSize(44);
  }

  private static String text(String resource) {
    try (InputStream in = CoverageTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
