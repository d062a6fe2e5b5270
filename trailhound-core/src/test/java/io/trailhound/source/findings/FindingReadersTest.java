package io.trailhound.source.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.source.SkipReason;
import io.trailhound.testing.IdentityReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FindingReadersTest {

  @Test
  void reads_guardduty_get_findings_output_with_actor_key_address_and_resources() {
    IdentityReading.Result r = IdentityReading.fixtures("guardduty/get-findings.json");

    assertThat(r.events()).isEmpty();
    assertThat(r.findings()).hasSize(3);
    assertThat(r.report().externalFindings()).isEqualTo(3);
    ExternalFinding f = r.finding("a2c6f0e4b8d1c3e5f7a9b1d3e5f7a9b1");
    assertThat(f.provider()).isEqualTo("guardduty");
    assertThat(f.type())
        .isEqualTo("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS");
    assertThat(f.level()).isEqualTo(ExternalFinding.Level.HIGH);
    assertThat(f.nativeSeverity()).isEqualTo("8");
    assertThat(f.actor()).isEqualTo("app-server-role");
    assertThat(f.actorType()).isEqualTo("AssumedRole");
    assertThat(f.accessKeyIds()).containsExactly("ASIAQXZ7EXAMPLE4KEY2");
    assertThat(f.sourceIps()).containsExactly("203.0.113.77");
    assertThat(f.api()).isEqualTo("ListBuckets");
    assertThat(f.count()).isEqualTo(14);
    assertThat(f.firstSeen()).isEqualTo(Instant.parse("2026-11-16T11:02:17Z"));
    assertThat(f.lastSeen()).isEqualTo(Instant.parse("2026-11-16T11:48:40Z"));
    assertThat(f.resources())
        .extracting(x -> x.arn())
        .contains("arn:aws:ec2:us-east-1:111122223333:instance/i-0a1b2c3d4e5f60718");
    assertThat(f.active()).isTrue();
  }

  @Test
  void an_archived_guardduty_finding_is_read_but_inactive_and_port_probes_name_the_prober() {
    ExternalFinding f =
        IdentityReading.fixtures("guardduty/get-findings.json")
            .finding("c4e8b2a6d0f3e5a7b9c1d3f5a7b9c1d3");

    assertThat(f.active()).isFalse();
    assertThat(f.level()).isEqualTo(ExternalFinding.Level.LOW);
    assertThat(f.sourceIps()).containsExactly("198.51.100.200");
  }

  @Test
  void reads_a_camel_case_eventbridge_guardduty_finding() {
    IdentityReading.Result r = IdentityReading.fixtures("guardduty/eventbridge-finding.json");

    ExternalFinding f = r.finding("d5f9c3b7e1a4f6b8c0d2e4a6b8c0d2e4");
    assertThat(f.type()).isEqualTo("CredentialAccess:IAMUser/AnomalousBehavior");
    assertThat(f.level()).isEqualTo(ExternalFinding.Level.MEDIUM);
    assertThat(f.actor()).isEqualTo("legacy-deploy");
    assertThat(f.accessKeyIds()).containsExactly("AKIAQXZ7EXAMPLEKEY01");
    assertThat(f.sourceIps()).containsExactly("185.220.101.47");
    assertThat(f.resources())
        .extracting(x -> x.arn())
        .containsExactly("arn:aws:iam::111122223333:user/legacy-deploy");
  }

  @Test
  void bad_guardduty_findings_are_counted_with_reasons() {
    IdentityReading.Result r = IdentityReading.fixtures("guardduty/bad.jsonl");

    assertThat(r.findings())
        .extracting(ExternalFinding::id)
        .containsExactly("e6a0d4c8f2b5a7c9d1e3f5b7c9d1e3f5");
    assertThat(r.skipped(SkipReason.MISSING_FIELD)).isEqualTo(2); // Type; both times
    assertThat(r.skipped(SkipReason.WRONG_TYPE)).isEqualTo(1); // Severity "HIGH"
    assertThat(r.skipped(SkipReason.INVALID_JSON)).isEqualTo(1); // truncated line
  }

  @Test
  void severities_fold_onto_five_levels_at_the_documented_bounds() {
    assertThat(ExternalFinding.Level.ofGuardDuty(3.9)).isEqualTo(ExternalFinding.Level.LOW);
    assertThat(ExternalFinding.Level.ofGuardDuty(4.0)).isEqualTo(ExternalFinding.Level.MEDIUM);
    assertThat(ExternalFinding.Level.ofGuardDuty(7.0)).isEqualTo(ExternalFinding.Level.HIGH);
    assertThat(ExternalFinding.Level.ofGuardDuty(9.0)).isEqualTo(ExternalFinding.Level.CRITICAL);
    assertThat(ExternalFinding.Level.ofNormalized(0)).isEqualTo(ExternalFinding.Level.INFO);
    assertThat(ExternalFinding.Level.ofNormalized(39)).isEqualTo(ExternalFinding.Level.LOW);
    assertThat(ExternalFinding.Level.ofNormalized(40)).isEqualTo(ExternalFinding.Level.MEDIUM);
    assertThat(ExternalFinding.Level.ofNormalized(70)).isEqualTo(ExternalFinding.Level.HIGH);
    assertThat(ExternalFinding.Level.ofNormalized(90)).isEqualTo(ExternalFinding.Level.CRITICAL);
    assertThat(ExternalFinding.Level.ofLabel("INFORMATIONAL"))
        .isEqualTo(ExternalFinding.Level.INFO);
  }
}
