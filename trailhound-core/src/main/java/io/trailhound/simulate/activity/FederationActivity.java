package io.trailhound.simulate.activity;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Ec2Shapes;
import io.trailhound.simulate.cloudtrail.FederationShapes;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.Ids;
import io.trailhound.simulate.cloudtrail.S3Shapes;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import io.trailhound.simulate.org.Workload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Federated identities: people's SSO sign-ins as {@code AssumeRoleWithSAML}, GitHub Actions jobs
 * trading an OIDC token for their deploy role, and a legacy reporting portal in the management
 * account that hands out {@code GetFederationToken} credentials. Everything not drawn from the
 * seeded source is derived from names, so the same seed writes the same bytes.
 */
public final class FederationActivity {

  static final String GITHUB = "token.actions.githubusercontent.com";
  private static final String GITHUB_UA =
      "aws-sdk-js/3.693.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.0"
          + " api/sts#3.693.0 m/E,e configure-aws-credentials-for-github-actions";
  private static final String PORTAL_UA =
      "Boto3/1.35.63 md/Botocore#1.35.63 ua/2.0 os/linux#5.10.228-219.884.amzn2.x86_64"
          + " md/arch#x86_64 lang/python#3.9.20 md/pyimpl#CPython cfg/retry-mode#legacy"
          + " Botocore/1.35.63";

  private final FederationShapes sts;
  private final S3Shapes s3;
  private final Ec2Shapes ec2;
  private final SplittableRandom random;
  private final Ids ids;

  FederationActivity(Calls calls) {
    this.ids = calls.ids();
    this.sts = new FederationShapes(calls);
    this.s3 = new S3Shapes(calls);
    this.ec2 = new Ec2Shapes(calls);
    this.random = calls.ids().random();
  }

  /** The SSO sign-in that starts a person's day in an account: the SAML exchange for the role. */
  Call samlSignIn(Account a, Person p, Identity.AssumedRole session, Instant t) {
    return samlSignIn(sts, a, session, t, p.homeIp(), p.browser());
  }

  /**
   * The SAML exchange of an IAM Identity Center sign-in to {@code session}'s role, from {@code ip}
   * with {@code browser}: whoever holds the person's Identity Center session can make it.
   */
  public static Call samlSignIn(
      Calls calls, Account a, Identity.AssumedRole session, Instant t, String ip, String browser) {
    return samlSignIn(new FederationShapes(calls), a, session, t, ip, browser);
  }

  private static Call samlSignIn(
      FederationShapes sts,
      Account a,
      Identity.AssumedRole session,
      Instant t,
      String ip,
      String browser) {
    String provider =
        "AWSSSO_"
            + hex(a.id() + "sso").substring(0, 16).toLowerCase(Locale.ROOT)
            + "_DO_NOT_DELETE";
    String providerArn = "arn:aws:iam::" + a.id() + ":saml-provider/" + provider;
    String issuer =
        "https://portal.sso."
            + a.home()
            + ".amazonaws.com/saml/assertion/"
            + base64Sha1("issuer" + a.id()).substring(0, 20);
    // nameQualifier = Base64(SHA1(issuer + account id + "/" + provider name)), as STS computes it.
    String qualifier = base64Sha1(issuer + a.id() + "/" + provider);
    Identity.SamlUser user = new Identity.SamlUser(qualifier, session.session(), providerArn);
    return sts.assumeRoleWithSaml(
        new Caller(user, ip, browser, false), t, a.home(), session, issuer);
  }

  /** True for CI pipelines that authenticate with GitHub's OIDC tokens instead of stored keys. */
  static boolean oidc(Workload w) {
    return w.kind() == Workload.Kind.CI && Math.floorMod(w.session().hashCode(), 3) != 0;
  }

  static String oidcProvider(String account) {
    return "arn:aws:iam::" + account + ":oidc-provider/" + GITHUB;
  }

  /** A GitHub Actions job exchanging its OIDC token for the deploy role's session. */
  Call webIdentity(Account a, Workload w, Identity.AssumedRole session, Instant t) {
    String subject = "repo:acme/" + a.name() + "-infra:ref:refs/heads/main";
    Identity.WebIdentityUser user =
        new Identity.WebIdentityUser(oidcProvider(a.id()), "sts.amazonaws.com", subject);
    return sts.assumeRoleWithWebIdentity(
        new Caller(user, w.ip(), GITHUB_UA, false), t, w.region(), session);
  }

  /**
   * The reporting portal's broker user issues a federation token for a colleague, who then reads
   * reports and inventory with it for a few calls.
   */
  void portal(Account a, Instant t, Consumer<Call> sink) {
    Person p = a.people().get(random.nextInt(a.people().size()));
    String broker = a.name() + "-reporting-portal";
    String brokerId = "AIDA" + hex(broker + a.id()).substring(0, 17);
    String brokerKey = "AKIA" + hex(a.id() + broker).substring(0, 16);
    String ip = "52.94." + (Math.floorMod(a.id().hashCode(), 200) + 1) + ".17";
    Identity.IamUser brokerUser =
        new Identity.IamUser(a.id(), broker, brokerId, brokerKey, null, false);
    String name = "portal-" + p.name();
    Identity.FederatedUser fed =
        new Identity.FederatedUser(a.id(), name, ids.accessKey("ASIA"), broker, brokerId, t);
    String region = a.home();
    sink.accept(
        sts.getFederationToken(new Caller(brokerUser, ip, PORTAL_UA, false), t, region, fed));
    Caller c = new Caller(fed, ip, PORTAL_UA, false);
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      Instant at = t.plusSeconds(1 + random.nextInt(120));
      if (random.nextBoolean()) {
        String key = "reports/2026/" + p.name() + "-" + random.nextInt(1000) + ".pdf";
        sink.accept(
            s3.object(
                c,
                at,
                "GetObject",
                region,
                a.id(),
                a.buckets().get(0),
                key,
                0,
                5_000 + random.nextInt(500_000),
                true));
      } else {
        sink.accept(ec2.describe(c, at, "DescribeInstances", region, a.id()));
      }
    }
  }

  private static String hex(String text) {
    return String.format(Locale.ROOT, "%040X", new BigInteger(1, sha1(text)));
  }

  private static String base64Sha1(String text) {
    return Base64.getEncoder().encodeToString(sha1(text));
  }

  private static byte[] sha1(String text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JRE", e);
    }
  }
}
