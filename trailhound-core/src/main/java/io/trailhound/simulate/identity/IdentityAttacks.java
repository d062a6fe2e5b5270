package io.trailhound.simulate.identity;

import com.fasterxml.jackson.core.JsonFactory;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The identity-provider records of attacks on people's accounts, in the same shapes as their own
 * sign-ins: a stolen Okta session replayed from elsewhere, an MFA push-fatigue sign-in, a risky
 * Entra ID sign-in that leaves a forwarding rule in the mailbox.
 */
public final class IdentityAttacks {

  private final SplittableRandom random;
  private final OktaShapes okta;
  private final EntraShapes entra;
  private final M365Shapes m365;

  public IdentityAttacks(SplittableRandom random, String orgId) {
    this.random = random;
    JsonFactory json = new JsonFactory();
    this.okta = new OktaShapes(random, json);
    this.entra = new EntraShapes(random, json, orgId);
    this.m365 = new M365Shapes(random, json, orgId);
  }

  /**
   * The person signs in at {@code signedIn} (session start, MFA, SSO to AWS: their own records);
   * malware on their machine takes the session cookie, and at {@code replayed} the thief uses the
   * same Okta session from {@code thief} to open the AWS app again.
   */
  public List<IdentityRecord> sessionHijack(
      Person p, Instant signedIn, Instant replayed, Origin thief) {
    String session = "102" + okta.id(22);
    OktaShapes.Client own = OktaShapes.Client.of(p);
    OktaShapes.Client other = client(thief);
    List<IdentityRecord> out = new ArrayList<>();
    Instant t = signedIn;
    out.add(
        okta(
            okta.event(p, own, t, "user.session.start", "SUCCESS", null, session, LOGIN, null),
            false));
    t = t.plusSeconds(3 + random.nextInt(10));
    out.add(
        okta(
            okta.event(
                p, own, t, "user.authentication.auth_via_mfa", "SUCCESS", null, session, MFA, null),
            false));
    t = t.plusSeconds(5 + random.nextInt(30));
    out.add(
        okta(
            okta.event(
                p,
                own,
                t,
                "user.authentication.sso",
                "SUCCESS",
                null,
                session,
                SSO,
                IdentityLogs.AWS_APP),
            false));
    t = replayed;
    int opens = 1 + random.nextInt(2);
    for (int i = 0; i < opens; i++) {
      out.add(
          okta(
              okta.event(
                  p,
                  other,
                  t,
                  "user.authentication.sso",
                  "SUCCESS",
                  null,
                  session,
                  SSO,
                  IdentityLogs.AWS_APP),
              true));
      t = t.plusSeconds(60 + random.nextInt(1200));
    }
    return out;
  }

  /**
   * With the person's password, the attacker signs in from {@code attacker} and sends Okta Verify
   * pushes until the person, worn down, approves one: {@code denied} denials, then the session and
   * SSO to AWS. Returns the records, last one the SSO.
   */
  public List<IdentityRecord> pushFatigue(Person p, Instant t, Origin attacker, int denied) {
    String session = "102" + okta.id(22);
    OktaShapes.Client c = client(attacker);
    List<IdentityRecord> out = new ArrayList<>();
    out.add(
        okta(
            okta.event(
                p,
                c,
                t,
                "user.authentication.verify",
                "SUCCESS",
                null,
                session,
                "Verify user identity",
                null),
            true));
    for (int i = 0; i <= denied; i++) {
      t = t.plusSeconds(2 + random.nextInt(5));
      out.add(
          okta(
              okta.event(
                  p,
                  c,
                  t,
                  "system.push.send_factor_verify_push",
                  "SUCCESS",
                  null,
                  session,
                  "Push notification sent for verification",
                  null),
              true));
      t = t.plusSeconds(8 + random.nextInt(50));
      if (i < denied) {
        out.add(
            okta(
                okta.event(
                    p,
                    c,
                    t,
                    "user.mfa.okta_verify.deny_push",
                    "FAILURE",
                    "User rejected Okta push verify",
                    session,
                    "User rejected Okta push verify",
                    null),
                true));
        t = t.plusSeconds(10 + random.nextInt(90));
      }
    }
    out.add(
        okta(
            okta.event(
                p, c, t, "user.authentication.auth_via_mfa", "SUCCESS", null, session, MFA, null),
            true));
    t = t.plusSeconds(1 + random.nextInt(3));
    out.add(
        okta(
            okta.event(p, c, t, "user.session.start", "SUCCESS", null, session, LOGIN, null),
            true));
    t = t.plusSeconds(5 + random.nextInt(40));
    out.add(
        okta(
            okta.event(
                p,
                c,
                t,
                "user.authentication.sso",
                "SUCCESS",
                null,
                session,
                SSO,
                IdentityLogs.AWS_APP),
            true));
    return out;
  }

  /** A sign-in to Microsoft 365 from {@code o} that Entra ID Protection rates high risk. */
  public IdentityRecord riskySignIn(Person p, Instant t, Origin o) {
    return entra.signIn(p, t, false, o);
  }

  /** A mailbox rule forwarding mail that mentions {@code words} to {@code address}. */
  public IdentityRecord forwardingRule(
      Person p, Instant t, Origin o, String rule, String address, String words) {
    return m365.inboxRule(p, t, o, rule, address, words);
  }

  private static final String LOGIN = "User login to Okta";
  private static final String MFA = "Authentication of user via MFA";
  private static final String SSO = "User single sign on to app";

  private static OktaShapes.Client client(Origin o) {
    return new OktaShapes.Client(o.ip(), o.userAgent(), o.country(), o.asNumber(), o.asOrg());
  }

  private static IdentityRecord okta(OktaShapes.Record r, boolean attack) {
    return new IdentityRecord(r.time(), "okta", r.id(), r.json(), attack);
  }
}
