package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which of a finding's addresses the attacker's footprint is scoped to, when the finding groups the
 * key owner's calls with the attacker's.
 */
class FootprintScopeTest {

  private static final Scanned OWNER_AND_ATTACKER =
      Scanned.of(Scanned.fixture("owner-reads-in-chain.jsonl"));
  private static final Scanned OWNER_SEEN_BEFORE =
      Scanned.of(Scanned.fixture("owner-seen-before-chain.jsonl"));
  private static final Scanned RETURNING = Scanned.of(Scanned.fixture("returning-attacker.jsonl"));

  /**
   * A credential-compromise chain over one user's day: its first seed is the owner's own {@code
   * ListRoles} on the first day of the data, so history cannot say which address is new; the
   * owner's calls only read, the attacker's created a user and made it administrator.
   */
  private static Finding chain(List<String> evidence) {
    return new Finding(
        "chain-id",
        "chain|dave",
        new RuleInfo(
            "th-chain-iam-credential-compromise",
            "th-chain-iam-credential-compromise",
            "IAM credential compromise",
            "",
            Severity.HIGH,
            List.of(),
            List.of(),
            List.of(),
            "builtin"),
        "111111111111",
        "us-east-1",
        "arn:aws:iam::111111111111:user/dave",
        "IAMUser",
        List.of("AKIADAVEKEY00000001"),
        List.of("198.51.100.77", "203.0.113.66"),
        List.of(),
        Instant.parse("2026-11-16T09:00:00Z"),
        Instant.parse("2026-11-16T13:00:00Z"),
        evidence.size(),
        evidence,
        List.of(),
        "");
  }

  @Test
  void the_owners_reads_in_a_chain_finding_stay_out_of_the_attackers_footprint() {
    Investigation inv =
        OWNER_AND_ATTACKER
            .investigator()
            .investigate(
                chain(
                    List.of(
                        "oc-01-owner-read",
                        "oc-05-create-user",
                        "oc-06-attach",
                        "oc-07-owner-get")));

    assertThat(inv.evidence())
        .containsExactly("oc-03-whoami", "oc-04-users", "oc-05-create-user", "oc-06-attach");
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("oc-03-whoami");
    assertThat(inv.timeline().ips()).containsExactly("203.0.113.66");
  }

  @Test
  void the_findings_own_events_from_the_owners_known_address_are_not_the_attackers() {
    // the owner used their address the day before: history alone scopes the footprint to the
    // attacker's address, and the owner's calls the finding grouped must not come back as seeds
    Investigation inv =
        OWNER_SEEN_BEFORE
            .investigator()
            .investigate(
                chain(
                    List.of(
                        "oc-01-owner-read",
                        "oc-05-create-user",
                        "oc-06-attach",
                        "oc-07-owner-get")));

    assertThat(inv.evidence())
        .containsExactly("oc-03-whoami", "oc-04-users", "oc-05-create-user", "oc-06-attach");
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("oc-03-whoami");
  }

  @Test
  void an_address_seen_before_that_changed_something_in_the_finding_stays_in_scope() {
    // a finding grouping a day's login profiles: one made from an address the key already used
    // the night before (the same attacker coming back), one from a new address
    Investigation inv =
        RETURNING.investigator().investigate(chain(List.of("ra-03-profile", "ra-04-other")));

    assertThat(inv.evidence()).contains("ra-02-back", "ra-03-profile", "ra-04-other");
    assertThat(inv.timeline().ips()).containsExactlyInAnyOrder("203.0.113.66", "192.0.2.44");
  }

  @Test
  void when_every_address_only_read_the_footprint_keeps_them_all() {
    Investigation inv =
        OWNER_AND_ATTACKER
            .investigator()
            .investigate(chain(List.of("oc-01-owner-read", "oc-04-users", "oc-07-owner-get")));

    assertThat(inv.timeline().ips()).containsExactlyInAnyOrder("198.51.100.77", "203.0.113.66");
    assertThat(inv.evidence()).contains("oc-02-owner-daily", "oc-03-whoami");
  }
}
