package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.testing.IdentityReading;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One scan over identity logs and other tools' findings, next to nothing else. */
class IdentityScanTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);

  private static final RuleCatalog CATALOG = RuleCatalog.load(true, List.of(), Placeholders.none());

  private static ScanResult scan(String... fixtures) {
    List<String> paths =
        Stream.of(fixtures).map(f -> IdentityReading.fixture(f).toString()).toList();
    return new ScanService(CLOCK)
        .scan(InputSpec.expand(paths), CATALOG, ScanOptions.defaults().withThreads(2));
  }

  private static Finding only(ScanResult r, String ruleId) {
    List<Finding> found =
        r.findings().stream().filter(f -> f.rule().ruleId().equals(ruleId)).toList();
    assertThat(found).as(ruleId).hasSize(1);
    return found.get(0);
  }

  @Test
  void okta_m365_and_entra_events_meet_the_rules_of_their_logsource() {
    ScanResult r =
        scan(
            "okta/system-log-page.json",
            "m365/audit-general-content.json",
            "entra/signins-page-1.json",
            "entra/signins-array.json");

    assertThat(r.ingest().eventsBySource())
        .containsEntry("okta", 8L)
        .containsEntry("m365", 5L)
        .containsEntry("entra", 3L);
    assertThat(r.findings())
        .extracting(f -> f.rule().name())
        .contains(
            "th-okta-mfa-factor-deactivated",
            "th-okta-api-token-created",
            "th-okta-policy-weakened",
            "th-m365-admin-role-granted",
            "th-m365-inbox-rule-forwarding",
            "th-entra-high-risk-sign-in")
        .allMatch(
            name ->
                name.startsWith("th-okta")
                    || name.startsWith("th-m365")
                    || name.startsWith("th-entra"));
    Finding mfa =
        r.findings().stream()
            .filter(f -> f.rule().name().equals("th-okta-mfa-factor-deactivated"))
            .findFirst()
            .orElseThrow();
    assertThat(mfa.actor()).isEqualTo("it-admin@example.com");
    assertThat(mfa.actorType()).isEqualTo("OktaUser");
    assertThat(mfa.evidence()).containsExactly("8c4d5e60-8b7e-11ee-b1f0-6d2c9e3a4b21");
    assertThat(mfa.rule().reportedBy()).isEqualTo("trailhound");
    Finding risky =
        r.findings().stream()
            .filter(f -> f.rule().name().equals("th-entra-high-risk-sign-in"))
            .findFirst()
            .orElseThrow();
    assertThat(risky.eventCount()).isEqualTo(2);
    assertThat(risky.sourceIps()).containsExactly("185.220.101.47");
    assertThat(risky.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void guardduty_findings_appear_beside_ours_marked_with_their_origin_and_explained() {
    ScanResult r = scan("guardduty/get-findings.json", "guardduty/eventbridge-finding.json");

    assertThat(r.nothingRead()).isFalse();
    assertThat(r.findings()).hasSize(3); // the archived port probe is counted, not reported
    assertThat(r.externalInactive()).isEqualTo(1);
    Finding f = only(r, "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS");
    assertThat(f.rule().reportedBy()).isEqualTo("guardduty");
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.account()).isEqualTo("111122223333");
    assertThat(f.actor()).isEqualTo("app-server-role");
    assertThat(f.accessKeyIds()).containsExactly("ASIAQXZ7EXAMPLE4KEY2");
    assertThat(f.sourceIps()).containsExactly("203.0.113.77");
    assertThat(f.eventCount()).isEqualTo(14);
    assertThat(f.evidence()).containsExactly("a2c6f0e4b8d1c3e5f7a9b1d3e5f7a9b1");
    assertThat(f.rule().tactics()).containsExactly("initial-access");
    assertThat(f.explanation())
        .startsWith("Reported by GuardDuty (severity 8), 14 times between 2026-11-16T11:02:17Z")
        .contains("API ListBuckets", "from 203.0.113.77");
    assertThat(only(r, "CredentialAccess:IAMUser/AnomalousBehavior").rule().tactics())
        .containsExactly("credential-access");
  }

  @Test
  void the_same_external_finding_in_two_files_is_reported_once_with_a_stable_id() {
    ScanResult once = scan("guardduty/get-findings.json");
    ScanResult twice = scan("guardduty/get-findings.json", "guardduty/get-findings.json");

    assertThat(twice.findings())
        .extracting(Finding::id)
        .isEqualTo(once.findings().stream().map(Finding::id).toList());
  }
}
