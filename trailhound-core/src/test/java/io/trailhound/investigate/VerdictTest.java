package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final Scanned CI = Scanned.of(Scanned.fixture("ci-routine.jsonl"));

  /** What a baseline detector would raise on the last CI run: a burst of deploy calls. */
  private static Finding baselineFinding(String... evidence) {
    RuleInfo rule =
        new RuleInfo(
            "th-test-baseline",
            "th-test-baseline",
            "Unusual burst of calls",
            "",
            Severity.MEDIUM,
            List.of(),
            List.of(),
            List.of("discovery"),
            "builtin:detectors/th-test-baseline.yml");
    return new Finding(
        "f-ci",
        "k",
        rule,
        "111111111111",
        "eu-west-1",
        "arn:aws:sts::111111111111:assumed-role/ci-deploy/GitHubActions",
        "AssumedRole",
        List.of(),
        List.of(),
        List.of(),
        Instant.parse("2026-11-20T06:00:00Z"),
        Instant.parse("2026-11-20T06:03:00Z"),
        evidence.length,
        List.of(evidence),
        List.of(),
        "");
  }

  @Test
  void a_ci_roles_routine_deploy_flagged_by_a_baseline_is_benign_explained() {
    Investigation inv =
        CI.investigator().investigate(baselineFinding("ci-4-0", "ci-4-1", "ci-4-2", "ci-4-3"));

    assertThat(inv.verdict().kind()).isEqualTo(Verdict.Kind.BENIGN_EXPLAINED);
    assertThat(inv.verdict().reasons().get(0).text())
        .contains("recurs in at least 3 of 4 other sessions or days")
        .contains("arn:aws:iam::111111111111:role/ci-deploy");
    assertThat(inv.verdict().reasons().get(0).evidence()).hasSize(4);
    assertThat(inv.verdict().reasons().get(1).text()).contains("140.82.0.0/16");
    assertThat(inv.response()).isEmpty();
  }

  @Test
  void the_same_calls_from_a_network_the_role_never_used_are_not_explained() {
    Scanned mixed =
        Scanned.of(Scanned.fixture("ci-routine.jsonl"), Scanned.fixture("ci-stolen.jsonl"));

    Investigation inv = mixed.investigator().investigate(baselineFinding("ci-stolen-0"));

    assertThat(inv.verdict().kind()).isNotEqualTo(Verdict.Kind.BENIGN_EXPLAINED);
    assertThat(inv.verdict().reasons())
        .anySatisfy(r -> assertThat(r.text()).contains("203.0.113.99 never used"));
    assertThat(inv.evidence()).containsExactly("ci-stolen-0", "ci-stolen-1");
  }

  @Test
  void triage_shows_each_factor_with_its_reason() {
    Investigation inv =
        CI.investigator().investigate(baselineFinding("ci-4-0", "ci-4-1", "ci-4-2", "ci-4-3"));

    assertThat(inv.triage().factors())
        .extracting(Triage.Factor::name)
        .containsExactly("severity", "privilege", "sensitivity", "confidence");
    assertThat(inv.triage().factors().get(0).value()).isEqualTo(3.0);
    assertThat(inv.triage().factors().get(2).reason()).isEqualTo("S3 object data read or written");
    assertThat(inv.triage().factors().get(1).reason()).isEqualTo("privilege escalation lambda-003");
    assertThat(inv.triage().score()).isEqualTo(5.85);
  }
}
