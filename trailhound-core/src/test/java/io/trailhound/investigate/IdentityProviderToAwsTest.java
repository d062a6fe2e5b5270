package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * The investigation of an Okta or Entra ID finding follows the person into AWS: the sessions and
 * keys they used from the suspicious address after the suspicious sign-in, not their own from home.
 */
class IdentityProviderToAwsTest {

  private static final Scanned OKTA =
      Scanned.of(
          Scanned.fixture("okta-hijack-okta.jsonl"),
          Scanned.fixture("okta-hijack-cloudtrail.jsonl"));
  private static final Scanned ENTRA =
      Scanned.of(
          Scanned.fixture("entra-risky-entra.json"),
          Scanned.fixture("entra-risky-cloudtrail.jsonl"));

  @Test
  void
      an_okta_session_replayed_elsewhere_leads_to_the_saml_session_opened_from_the_thiefs_address() {
    Investigation inv =
        OKTA.investigator().investigate(OKTA.finding("th-okta-session-multiple-addresses"));

    assertThat(inv.evidence())
        .containsExactly(
            "ok-04-replay", "ct-03-thief-saml", "ct-04-thief-list", "ct-05-thief-secret");
    assertThat(inv.timeline().patientZero().eventId()).isEqualTo("ok-04-replay");
    assertThat(inv.actor().display()).isEqualTo("olivia@example.com");
    assertThat(inv.actor().links())
        .extracting(Link::from, Link::kind, Link::evidence)
        .contains(
            tuple("olivia@example.com", "aws-session-from-sign-in-address", "ct-03-thief-saml"));
    assertThat(inv.actor().values("access-key"))
        .contains("ASIAOLIVIATHIEF0001")
        .doesNotContain("ASIAOLIVIAHOME00001", "ASIABOBOTHER0000001");
    assertThat(inv.response())
        .extracting(ResponseAction::action, ResponseAction::target)
        .contains(
            tuple("reset-identity-provider-user", "olivia@example.com"),
            tuple(
                "revoke-role-sessions",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/"
                    + "AWSReservedSSO_PowerUserAccess_f76894f1858c8b11"),
            tuple("block-source-address", "194.165.16.79"))
        .doesNotContain(tuple("block-source-address", "91.64.12.105"));
  }

  @Test
  void the_victims_own_session_from_home_and_another_persons_session_from_the_address_stay_out() {
    Investigation inv =
        OKTA.investigator().investigate(OKTA.finding("th-okta-session-multiple-addresses"));

    assertThat(inv.evidence())
        .doesNotContain(
            "ok-01-start",
            "ok-03-sso",
            "ct-01-home-saml",
            "ct-02-home-list",
            "ct-06-other-saml",
            "ct-07-other-list");
  }

  @Test
  void a_risky_entra_sign_in_leads_to_the_persons_access_key_used_from_the_same_address() {
    Investigation inv =
        ENTRA.investigator().investigate(ENTRA.finding("th-entra-high-risk-sign-in"));

    assertThat(inv.evidence()).containsExactly("en-01-risky", "ek-03-whoami", "ek-04-get");
    assertThat(inv.actor().links())
        .extracting(Link::from, Link::to, Link::kind, Link::evidence)
        .contains(
            tuple(
                "heidi@example.com",
                "arn:aws:iam::111111111111:user/heidi.cli",
                "access-key-from-sign-in-address",
                "ek-03-whoami"));
    // neither heidi's own use of the key from home nor another user whose name only starts alike
    assertThat(inv.evidence()).doesNotContain("ek-01-home", "ek-05-home-later", "ek-06-other");
    assertThat(inv.actor().values("iam-user"))
        .containsExactly("arn:aws:iam::111111111111:user/heidi.cli");
    assertThat(inv.response())
        .extracting(ResponseAction::action, ResponseAction::target)
        .contains(
            tuple("reset-identity-provider-user", "heidi@example.com"),
            tuple("disable-access-key", "AKIAHEIDI0000000001"));
  }

  @Test
  void each_aws_session_resolves_to_the_persons_own_okta_record_at_its_address() {
    Investigation thief = OKTA.investigator().investigateActor("ASIAOLIVIATHIEF0001");
    Investigation home = OKTA.investigator().investigateActor("ASIAOLIVIAHOME00001");

    assertThat(thief.actor().links())
        .extracting(Link::from, Link::to, Link::kind, Link::evidence)
        .contains(
            tuple("olivia@example.com", "okta:olivia@example.com", "idp-sign-in", "ok-04-replay"));
    assertThat(home.actor().links())
        .extracting(Link::kind, Link::evidence)
        .contains(tuple("idp-sign-in", "ok-03-sso"));
  }
}
