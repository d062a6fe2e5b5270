package io.trailhound.source.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.source.SkipReason;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.testing.IdentityReading;
import io.trailhound.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real Security Hub, GuardDuty-through-ASFF, Prowler and Inspector exports (DefectDojo's). */
class CorpusFindingsTest {

  private static IdentityReading.Result readAll(String dir) throws IOException {
    Path root = SharedCorpus.require("corpus/findings/" + dir);
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return IdentityReading.read(IngestOptions.defaults().withThreads(1), json);
    }
  }

  @Test
  void every_asff_export_is_read_without_a_skip() throws IOException {
    IdentityReading.Result r = readAll("asff");

    assertThat(r.report().skipped()).isZero();
    assertThat(r.events()).isEmpty();
    assertThat(r.findings()).hasSize(767).allMatch(f -> f.provider().equals("securityhub"));
    // Prowler's PASS results and Config's passed controls are read but not active
    assertThat(r.findings().stream().filter(f -> !f.active())).hasSize(447);
    assertThat(r.findings())
        .extracting(ExternalFinding::product)
        .contains("GuardDuty", "Inspector", "Prowler");
  }

  @Test
  void a_guardduty_finding_through_security_hub_names_its_principal_and_caller_address()
      throws IOException {
    ExternalFinding f =
        readAll("asff/guardduty")
            .finding(
                "arn:aws:guardduty:eu-west-1:123456789012:detector/cab6a714deb3b739eaddacbdfd5ef2f2"
                    + "/finding/d6badb90e557d4bd811488a53ca89895");

    assertThat(f.product()).isEqualTo("GuardDuty");
    assertThat(f.level()).isEqualTo(ExternalFinding.Level.MEDIUM);
    assertThat(f.actor()).isEqualTo("GeneratedFindingUserName");
    assertThat(f.actorType()).isEqualTo("IAMUser");
    assertThat(f.sourceIps()).containsExactly("198.51.100.0");
    assertThat(f.account()).isEqualTo("123456789012");
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.resources())
        .extracting(x -> x.type())
        .containsExactly("AwsEc2Instance", "AwsIamAccessKey");
  }

  @Test
  void inspector_list_findings_output_is_read_and_an_empty_object_is_an_unknown_format()
      throws IOException {
    IdentityReading.Result r = readAll("inspector2");

    assertThat(r.findings()).hasSize(40).allMatch(f -> f.provider().equals("inspector"));
    assertThat(r.findings().stream().filter(f -> !f.active())).hasSize(1);
    assertThat(r.findings().stream().filter(f -> f.type().startsWith("CVE-"))).isNotEmpty();
    assertThat(r.skipped(SkipReason.UNKNOWN_FORMAT)).isEqualTo(1);
    assertThat(r.report().examples().get(SkipReason.UNKNOWN_FORMAT))
        .singleElement()
        .satisfies(s -> assertThat(s.location()).endsWith("empty_with_error.json"));
    assertThat(r.report().skipped()).isEqualTo(1);
  }
}
