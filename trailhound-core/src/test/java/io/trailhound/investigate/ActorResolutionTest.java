package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ActorResolutionTest {

  private static final Scanned CHAIN = Scanned.of(Scanned.fixture("role-chain.jsonl"));

  @Test
  void resolves_a_cross_account_role_chain_back_to_the_iam_user_with_the_issuing_events() {
    Investigation inv = CHAIN.investigator().investigateActor("ASIAPRODDEPLOY00001");

    assertThat(inv.actor().links())
        .extracting(Link::from, Link::to, Link::kind, Link::evidence)
        .contains(
            tuple(
                "arn:aws:sts::222222222222:assumed-role/prod-deployer/hop2",
                "arn:aws:sts::111111111111:assumed-role/ops-admin/alice-ops",
                "issued-by-assume-role",
                "rc-04-assume-b"),
            tuple(
                "arn:aws:sts::111111111111:assumed-role/ops-admin/alice-ops",
                "arn:aws:iam::111111111111:user/alice",
                "issued-by-assume-role",
                "rc-02-assume-a"),
            tuple(
                "AKIAALICEKEY0000001",
                "arn:aws:iam::111111111111:user/alice",
                "key-of",
                "rc-02-assume-a"));
    assertThat(inv.actor().values("iam-user")).contains("arn:aws:iam::111111111111:user/alice");
    assertThat(inv.actor().values("source-identity")).containsExactly("alice");
    assertThat(inv.actor().display()).isEqualTo("alice");
  }

  @Test
  void the_footprint_of_a_leaked_key_is_the_attackers_address_and_the_sessions_it_opened() {
    Investigation inv = CHAIN.investigator().investigate(CHAIN.finding("th-iam-user-created"));

    assertThat(inv.evidence())
        .containsExactly(
            "rc-01-whoami",
            "rc-02-assume-a",
            "rc-03-list-roles",
            "rc-04-assume-b",
            "rc-05-create-user",
            "rc-06-create-key",
            "rc-07-trust",
            "rc-08-get-object",
            "rc-09-denied",
            "rc-10-backdoor-use");
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("rc-01-whoami");
    assertThat(inv.timeline().accounts()).containsExactly("111111111111", "222222222222");
    assertThat(inv.timeline().bytesOut()).isEqualTo(123456);
    assertThat(inv.timeline().failed()).isEqualTo(1);
    assertThat(inv.timeline().byTactic().keySet())
        .contains("discovery", "lateral-movement", "persistence", "collection");
  }

  @Test
  void persistence_is_listed_with_whether_it_survived_to_the_end_of_the_data() {
    Investigation inv = CHAIN.investigator().investigate(CHAIN.finding("th-iam-user-created"));

    assertThat(inv.persistence())
        .extracting(Persistence::kind, Persistence::target, Persistence::stillPresent)
        .containsExactly(
            tuple("iam-user", "arn:aws:iam::222222222222:user/backup-svc", true),
            tuple("access-key", "AKIABACKDOOR0000001", false),
            tuple("role-trust", "arn:aws:iam::222222222222:role/prod-deployer", true));
    assertThat(inv.persistence().get(1).removedBy()).isEqualTo("rc-12-key-deleted");
    assertThat(inv.persistence().get(2).detail()).isEqualTo("trusts 999988887777");
    assertThat(inv.verdict().kind()).isEqualTo(Verdict.Kind.MALICIOUS);
    assertThat(inv.response())
        .extracting(ResponseAction::action, ResponseAction::target)
        .contains(
            tuple("disable-access-key", "AKIAALICEKEY0000001"),
            tuple("revoke-role-sessions", "arn:aws:iam::222222222222:role/prod-deployer"),
            tuple("delete-user", "arn:aws:iam::222222222222:user/backup-svc"),
            tuple("restore-role-trust", "arn:aws:iam::222222222222:role/prod-deployer"))
        .doesNotContain(tuple("delete-access-key", "AKIABACKDOOR0000001"));
  }

  @Test
  void a_saml_session_resolves_to_the_human_behind_it() {
    Scanned fed = Scanned.of(Scanned.fixture("saml-federation.jsonl"));

    Investigation inv =
        fed.investigator().investigate(fed.finding("th-cloudtrail-logging-stopped"));

    assertThat(inv.actor().display()).isEqualTo("bob@example.com");
    assertThat(inv.actor().links())
        .extracting(Link::kind, Link::evidence)
        .contains(tuple("issued-by-saml", "fed-01-saml"), tuple("saml-subject", "fed-01-saml"));
    assertThat(inv.actor().values("email")).containsExactly("bob@example.com");
  }
}
