package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.activity.FederationActivity;
import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.identity.IdentityAttacks;
import io.trailhound.simulate.identity.IdentityLogs;
import io.trailhound.simulate.identity.IdentityRecord;
import io.trailhound.simulate.identity.Origin;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's identity-provider account taken over, then used to reach AWS: an Okta session stolen
 * and replayed from elsewhere, an Okta sign-in forced through by MFA push fatigue (both followed by
 * SSO into the person's AWS role through SAML), or a risky Entra ID sign-in that sets a mailbox
 * forwarding rule and uses an AWS access key found in the mail.
 */
final class AccountTakeover implements Scenario {

  /** The three ways in. */
  enum Way {
    OKTA_SESSION_HIJACK,
    OKTA_PUSH_FATIGUE,
    ENTRA_RISKY_SIGN_IN
  }

  /** Hosting and VPN networks attackers rent: prefix, country, AS number, AS organisation. */
  private static final Object[][] NETWORKS = {
    {"45.155.205.", "NL", 49870, "Alsycon B.V."},
    {"193.142.146.", "NL", 208046, "HOSTGLOBAL.PLUS LTD"},
    {"5.188.206.", "RU", 49505, "LLC Selectel"},
    {"103.251.167.", "HK", 135377, "UCLOUD INFORMATION TECHNOLOGY HK LIMITED"},
    {"194.165.16.", "RO", 48721, "Flyservers S.A."},
    {"146.70.117.", "GB", 9009, "M247 Europe SRL"}
  };

  private static final String[] BROWSERS = {
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
        + " Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
  };

  private final Way way;

  AccountTakeover(Way way) {
    this.way = way;
  }

  @Override
  public String kind() {
    return switch (way) {
      case OKTA_SESSION_HIJACK -> "okta-session-hijack";
      case OKTA_PUSH_FATIGUE -> "okta-mfa-push-fatigue";
      case ENTRA_RISKY_SIGN_IN -> "entra-risky-sign-in";
    };
  }

  @Override
  public String name() {
    return switch (way) {
      case OKTA_SESSION_HIJACK -> "Stolen Okta session replayed from elsewhere to reach AWS";
      case OKTA_PUSH_FATIGUE -> "Okta MFA pushes sent until approved, then SSO into AWS";
      case ENTRA_RISKY_SIGN_IN ->
          "Risky Entra ID sign-in, mail forwarding rule, AWS key from the mailbox used";
    };
  }

  @Override
  public List<String> techniques() {
    return switch (way) {
      case OKTA_SESSION_HIJACK -> List.of("T1539", "T1550.004", "T1078.004");
      case OKTA_PUSH_FATIGUE -> List.of("T1621", "T1078.004");
      case ENTRA_RISKY_SIGN_IN -> List.of("T1078.004", "T1114.003", "T1552.008");
    };
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    IdentityAttacks idp = new IdentityAttacks(ctx.random(), ctx.org().orgId());
    Object[] net = NETWORKS[ctx.random().nextInt(NETWORKS.length)];
    String ip = (String) net[0] + (2 + ctx.random().nextInt(250));
    Account a = ctx.account();
    return switch (way) {
      case OKTA_SESSION_HIJACK -> {
        Person p = ctx.pick(a.people());
        // Cookie thieves often replay the victim's own user agent string.
        String agent = ctx.random().nextBoolean() ? p.browser() : ctx.pick(BROWSERS);
        Origin thief = origin(ip, agent, net);
        Instant replayed = ctx.after(ctx.start(), 20 * 60, 6 * 3600);
        List<IdentityRecord> records = idp.sessionHijack(p, ctx.start(), replayed, thief);
        Instant sso =
            records.stream().filter(IdentityRecord::attack).findFirst().orElseThrow().time();
        yield awsThroughSso(ctx, a, p, thief, sso, records);
      }
      case OKTA_PUSH_FATIGUE -> {
        Person p = ctx.pick(a.people());
        Origin attacker = origin(ip, ctx.pick(BROWSERS), net);
        List<IdentityRecord> records =
            idp.pushFatigue(p, ctx.start(), attacker, 3 + ctx.random().nextInt(8));
        yield awsThroughSso(ctx, a, p, attacker, records.get(records.size() - 1).time(), records);
      }
      case ENTRA_RISKY_SIGN_IN -> entra(ctx, idp, origin(ip, ctx.pick(BROWSERS), net));
    };
  }

  private static Origin origin(String ip, String agent, Object[] net) {
    return new Origin(ip, agent, (String) net[1], (Integer) net[2], (String) net[3]);
  }

  /**
   * IAM Identity Center trades the Okta SSO for a SAML assertion; the attacker's console session in
   * the person's permission-set role then looks around and reads secrets.
   */
  private static Planned awsThroughSso(
      ScenarioContext ctx,
      Account a,
      Person p,
      Origin o,
      Instant sso,
      List<IdentityRecord> records) {
    Instant t = ctx.after(sso, 3, 20);
    Identity.AssumedRole role =
        new Identity.AssumedRole(
            a.id(),
            p.ssoRole(),
            p.ssoRoleId(),
            IdentityLogs.email(p),
            ctx.calls().ids().accessKey("ASIA"),
            t,
            false,
            null,
            null);
    List<Call> calls = new ArrayList<>();
    calls.add(FederationActivity.samlSignIn(ctx.calls(), a, role, t, o.ip(), o.userAgent()));
    Caller console = new Caller(role, o.ip(), "AWS Internal", true);
    String region = a.home();
    t = ctx.after(t, 5, 60);
    calls.add(
        ctx.s3().bucket(console, t, "ListBuckets", region, a.id(), null, null).readOnly().build());
    t = ctx.after(t, 5, 90);
    calls.add(
        ctx.calls()
            .api(console, t, "secretsmanager.amazonaws.com", "ListSecrets", region)
            .account(a.id())
            .readOnly()
            .request(obj("maxResults", 20))
            .build());
    for (int i = 0, n = 1 + ctx.random().nextInt(4); i < n; i++) {
      t = ctx.after(t, 5, 120);
      String secret =
          ctx.pick("prod", a.name())
              + "/"
              + ctx.pick("db", "api", "payments", "github")
              + "/credentials";
      calls.add(
          ctx.calls()
              .api(console, t, "secretsmanager.amazonaws.com", "GetSecretValue", region)
              .account(a.id())
              .readOnly()
              .request(obj("secretId", secret))
              .build());
    }
    if (ctx.random().nextBoolean()) {
      t = ctx.after(t, 10, 300);
      calls.add(ctx.iam().iam(console, t, "ListUsers", a.id(), null).build());
    }
    return new Planned(
        null, null, role.arn(), role.accessKeyId(), a.id(), calls, List.of(), records);
  }

  private Planned entra(ScenarioContext ctx, IdentityAttacks idp, Origin o) {
    List<Person> people = IdentityLogs.people(ctx.org());
    List<Person> mail = new ArrayList<>();
    List<Person> keyed = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      if (p.accessKeyId() != null) {
        keyed.add(p);
        if (IdentityLogs.microsoft365(i)) {
          mail.add(p);
        }
      }
    }
    Person p = ctx.pick(mail.isEmpty() ? keyed : mail);
    Account a = ctx.org().keyAccount(p);
    List<IdentityRecord> records = new ArrayList<>();
    Instant t = ctx.start();
    records.add(idp.riskySignIn(p, t, o));
    t = ctx.after(t, 60, 1200);
    String address =
        ctx.pick("archive", "backup", "mail", "invoices")
            + "-"
            + ctx.calls().ids().hex(4)
            + "@"
            + ctx.pick("protonmail.example", "gmx.example", "outlook-mail.example");
    records.add(
        idp.forwardingRule(
            p,
            t,
            o,
            ctx.pick(".", "..", "Archive", "RSS Feeds", "sync"),
            address,
            ctx.pick("invoice payment", "password credentials", "aws key", "wire transfer")));
    // An access key the person once mailed themselves, used from the same address.
    t = ctx.after(t, 600, 4 * 3600);
    Caller key =
        new Caller(
            new Identity.IamUser(a.id(), p.iamUser(), p.userId(), p.accessKeyId(), null, false),
            o.ip(),
            ctx.attackerAgent(),
            false);
    List<Call> calls = new ArrayList<>();
    calls.add(ctx.iam().getCallerIdentity(key, t, a.home(), a.id()));
    t = ctx.after(t, 5, 60);
    calls.add(
        ctx.s3().bucket(key, t, "ListBuckets", a.home(), a.id(), null, null).readOnly().build());
    for (int i = 0, n = 1 + ctx.random().nextInt(3); i < n; i++) {
      t = ctx.after(t, 3, 60);
      String bucket = ctx.pick(a.buckets());
      calls.add(
          ctx.s3()
              .object(
                  key,
                  t,
                  "GetObject",
                  a.home(),
                  a.id(),
                  bucket,
                  ctx.pick("exports/", "backups/", "reports/")
                      + ctx.calls().ids().hex(8)
                      + ".csv.gz",
                  0,
                  10_000 + ctx.random().nextInt(5_000_000),
                  true));
    }
    return new Planned(
        null,
        null,
        "arn:aws:iam::" + a.id() + ":user/" + p.iamUser(),
        p.accessKeyId(),
        a.id(),
        calls,
        List.of(),
        records);
  }
}
