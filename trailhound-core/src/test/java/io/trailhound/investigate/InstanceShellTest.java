package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A leaked key opens an SSM session on an instance; from the shell the attacker runs the AWS CLI
 * with the instance's role, from the instance's own address (discovery), and also uses the role's
 * credentials from their own address. The instance's software keeps working beside them with its
 * SDK and the SSM agent, from the same address and the same role session.
 */
class InstanceShellTest {

  private static final Scanned SCANNED = Scanned.of(Scanned.fixture("instance-shell.jsonl"));
  private static final String SESSION =
      "arn:aws:sts::111111111111:assumed-role/app-instance/i-0abc123def4567890";
  private static final List<String> ATTACK =
      List.of("ish-04-start-session", "ish-05-whoami", "ish-06-list-users", "ish-09-stolen");

  @Test
  void the_shells_calls_from_the_instance_join_the_investigation_of_the_key_that_opened_it() {
    Investigation inv = SCANNED.investigator().investigateActor("AKIALEGACYDEPLOY001");

    // the instance's own reads and check-ins, before and after, from the same address and role
    // session, stay out; so does a CLI call hours after the shell went quiet
    assertThat(inv.evidence()).containsExactlyElementsOf(ATTACK);
    assertThat(inv.actor().links())
        .contains(
            new Link(
                "arn:aws:iam::111111111111:user/legacy-deployer",
                SESSION,
                "shell-on-instance",
                "ish-04-start-session"));
  }

  @Test
  void discovery_by_the_instance_role_is_traced_back_to_whoever_opened_the_shell() {
    Investigation inv =
        SCANNED.investigator().investigate(finding(List.of("ish-05-whoami", "ish-06-list-users")));

    assertThat(inv.evidence()).containsExactlyElementsOf(ATTACK);
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("ish-04-start-session");
    assertThat(inv.actor().principal()).isEqualTo("arn:aws:iam::111111111111:user/legacy-deployer");
    assertThat(inv.verdict().reasons())
        .anySatisfy(
            r -> {
              assertThat(r.text())
                  .contains("after StartSession to i-0abc123def4567890")
                  .contains("client aws-cli/2.15.17 md/awscrt#0.19.19")
                  .contains("never used in the 7 days before");
              assertThat(r.evidence()).startsWith("ish-04-start-session", "ish-05-whoami");
            });
    // the instance's address is its own, not a new one of the attacker's
    assertThat(inv.verdict().reasons())
        .noneSatisfy(r -> assertThat(r.text()).contains("3.120.5.9 never used"));
  }

  @Test
  void instance_credentials_used_elsewhere_after_a_session_start_are_followed_like_a_command() {
    EventRecord start = SCANNED.index().byId("ish-04-start-session").orElseThrow();

    assertThat(Footprint.stolen(start, Set.of("203.0.113.66"), SCANNED.index()))
        .extracting(EventRecord::id)
        .containsExactly("ish-09-stolen");
  }

  @Test
  void an_attacker_coming_back_with_the_same_cli_is_still_told_from_the_instances_own_work() {
    // the same key opened a shell on the instance the day before and ran the same CLI commands
    Scanned returning = Scanned.of(Scanned.fixture("instance-shell-returning.jsonl"));
    EventRecord start = returning.index().byId("ish-04-start-session").orElseThrow();

    assertThat(InstanceShell.opened(start, returning.index()))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.calls())
                    .extracting(EventRecord::id)
                    .containsExactly("ish-05-whoami", "ish-06-list-users", "ish-09-stolen"));
  }

  @Test
  void the_cli_is_one_client_whatever_command_it_runs() {
    String whoami = SCANNED.index().byId("ish-05-whoami").orElseThrow().userAgent();
    String users = SCANNED.index().byId("ish-06-list-users").orElseThrow().userAgent();

    assertThat(whoami).isNotEqualTo(users);
    assertThat(InstanceShell.client(whoami)).isEqualTo(InstanceShell.client(users));
    assertThat(InstanceShell.client("aws-cli/2.15.0 Python/3.11.6 command/ssm.start-session"))
        .isEqualTo("aws-cli/2.15.0 Python/3.11.6");
  }

  @Test
  void a_shell_whose_calls_look_like_the_instances_own_claims_nothing() {
    EventRecord start = SCANNED.index().byId("ish-04-start-session").orElseThrow();
    // the instance's routine check-in alone, investigated: no shell behind it
    assertThat(
            InstanceShell.behind(
                List.of(SCANNED.index().byId("ish-08-checkin-after").orElseThrow()),
                SCANNED.index()))
        .isEmpty();
    assertThat(InstanceShell.opened(start, SCANNED.index()))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.calls())
                    .extracting(EventRecord::id)
                    .doesNotContain("ish-07-own-read-after", "ish-08-checkin-after"));
  }

  private static Finding finding(List<String> evidence) {
    return new Finding(
        "enum-id",
        "enum",
        new RuleInfo(
            "th-iam-permission-enumeration",
            "IAM enumeration",
            "",
            "",
            Severity.MEDIUM,
            List.of(),
            List.of(),
            List.of(),
            "builtin"),
        "111111111111",
        "eu-west-1",
        SESSION,
        "AssumedRole",
        List.of("ASIAAPPINSTANCE0001"),
        List.of("3.120.5.9"),
        List.of(),
        Instant.parse("2026-11-20T10:04:00Z"),
        Instant.parse("2026-11-20T10:05:00Z"),
        evidence.size(),
        evidence,
        List.of(),
        "");
  }
}
