package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A leaked key runs a shell command on an instance through SSM, reads the instance role's
 * credentials from the metadata service and uses them from the attacker's own address: the
 * investigation of the command follows the stolen credentials, not the instance's own work.
 */
class StolenInstanceCredentialsTest {

  private static final Scanned SCANNED =
      Scanned.of(Scanned.fixture("stolen-instance-credentials.jsonl"));

  @Test
  void the_commanded_instances_role_used_from_the_attackers_address_joins_the_investigation() {
    Investigation inv =
        SCANNED.investigator().investigate(SCANNED.finding("th-ssm-send-command-shell"));

    // the instance's own calls (before and after, from its address) and another instance's role
    // stay out: only the commanded instance's credentials, from the address that commanded it
    assertThat(inv.evidence())
        .containsExactly(
            "sic-02-describe", "sic-03-send-command", "sic-04-whoami", "sic-05-secrets");
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("sic-02-describe");
  }

  @Test
  void the_response_revokes_the_stolen_instance_role_sessions_and_disables_the_leaked_key() {
    Investigation inv =
        SCANNED.investigator().investigate(SCANNED.finding("th-ssm-send-command-shell"));

    assertThat(inv.response())
        .anySatisfy(
            r -> {
              assertThat(r.action()).isEqualTo("revoke-role-sessions");
              assertThat(r.target()).isEqualTo("arn:aws:iam::111111111111:role/app-instance");
            })
        .anySatisfy(
            r -> {
              assertThat(r.action()).isEqualTo("disable-access-key");
              assertThat(r.target()).contains("AKIALEGACYDEPLOY001");
            });
  }
}
