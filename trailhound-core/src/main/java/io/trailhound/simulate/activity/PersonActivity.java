package io.trailhound.simulate.activity;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Ec2Shapes;
import io.trailhound.simulate.cloudtrail.IamShapes;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.S3Shapes;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What people do: console sessions through their SSO role, CLI calls with their own key in the
 * account that holds their IAM user. Mostly reads, a few writes, now and then an access denial.
 */
final class PersonActivity {

  private final Org org;
  private final Calls calls;
  private final IamShapes iam;
  private final S3Shapes s3;
  private final Ec2Shapes ec2;
  private final SplittableRandom random;

  PersonActivity(Org org, Calls calls) {
    this.org = org;
    this.calls = calls;
    this.iam = new IamShapes(calls);
    this.s3 = new S3Shapes(calls);
    this.ec2 = new Ec2Shapes(calls);
    this.random = calls.ids().random();
  }

  boolean firstWindowOfDay(Instant start, Duration length, Person p) {
    ZonedDateTime local = start.atZone(ZoneOffset.ofHours(p.utcOffset()));
    return local.getHour() == p.startHour() && local.getMinute() < length.toMinutes();
  }

  Call signIn(Account a, Person p, Instant t) {
    Identity user = new Identity.IamUser(a.id(), p.iamUser(), p.userId(), null, null, false);
    return iam.consoleLogin(
        new Caller(user, p.homeIp(), p.browser(), false), t, a.id(), true, true);
  }

  /** The person's SSO role session in the account on the day of {@code t}. */
  Identity.AssumedRole session(Account a, Person p, Instant t) {
    Instant dayStart =
        t.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(p.startHour() - p.utcOffset()));
    return ssoSession(a, p, dayStart);
  }

  Call call(Account a, Person p, Instant t) {
    Caller caller;
    boolean ownKey = p.accessKeyId() != null && org.keyAccount(p) == a;
    if (ownKey && random.nextInt(3) > 0) {
      caller =
          new Caller(
              new Identity.IamUser(a.id(), p.iamUser(), p.userId(), p.accessKeyId(), null, false),
              p.homeIp(),
              p.cli(),
              false);
    } else {
      boolean console = random.nextInt(4) > 0;
      Identity role = session(a, p, t);
      caller =
          console
              ? new Caller(role, p.homeIp(), "AWS Internal", true)
              : new Caller(role, p.homeIp(), p.cli(), false);
    }
    String region = a.regions().get(random.nextInt(a.regions().size()));
    Call c = pick(caller, a, region, t);
    if (random.nextInt(60) == 0) {
      String action = c.source().substring(0, c.source().indexOf('.')) + ":" + c.name();
      return c.failing(
          "AccessDenied",
          "User: " + caller.identity().arn() + " is not authorized to perform: " + action);
    }
    return c;
  }

  /**
   * The person's SSO role session in the account for the day starting at {@code dayStart}: the
   * session name is their email, as IAM Identity Center names it.
   */
  static Identity.AssumedRole ssoSession(Account a, Person p, Instant dayStart) {
    return new Identity.AssumedRole(
        a.id(),
        p.ssoRole(),
        p.ssoRoleId(),
        p.name() + "@example.com",
        sessionKey(p, a, dayStart),
        dayStart,
        false,
        null,
        null);
  }

  /** One session key per person, account and day, derived rather than stored. */
  private static String sessionKey(Person p, Account a, Instant day) {
    long h = (p.name() + a.id() + day).hashCode() & 0xFFFFFFFFL;
    return "ASIA" + String.format(Locale.ROOT, "%016X", h * 2654435761L).substring(0, 16);
  }

  private Call pick(Caller c, Account a, String region, Instant t) {
    String acct = a.id();
    String bucket = a.buckets().get(random.nextInt(a.buckets().size()));
    int roll = random.nextInt(100);
    if (roll < 18) {
      return ec2.describe(c, t, "DescribeInstances", region, acct);
    }
    if (roll < 25) {
      return ec2.describe(c, t, "DescribeSecurityGroups", region, acct);
    }
    if (roll < 29) {
      return ec2.describe(c, t, "DescribeVolumes", region, acct);
    }
    if (roll < 36) {
      return s3.bucket(c, t, "ListBuckets", region, acct, null, null).readOnly().build();
    }
    if (roll < 42) {
      return s3.bucket(
              c,
              t,
              "GetBucketLocation",
              region,
              acct,
              bucket,
              g -> g.writeStringField("location", ""))
          .readOnly()
          .build();
    }
    if (roll < 48) {
      return iam.iam(c, t, "ListRoles", acct, g -> g.writeNumberField("maxItems", 1000)).build();
    }
    if (roll < 52) {
      String role = a.workloads().get(random.nextInt(a.workloads().size())).role();
      return iam.iam(c, t, "GetRole", acct, g -> g.writeStringField("roleName", role)).build();
    }
    if (roll < 58) {
      return simple(c, t, "monitoring.amazonaws.com", "DescribeAlarms", region, acct);
    }
    if (roll < 64) {
      return simple(c, t, "logs.amazonaws.com", "DescribeLogGroups", region, acct);
    }
    if (roll < 69) {
      return simple(c, t, "lambda.amazonaws.com", "ListFunctions20150331", region, acct);
    }
    if (roll < 74) {
      return simple(c, t, "cloudformation.amazonaws.com", "DescribeStacks", region, acct);
    }
    if (roll < 79) {
      return iam.getCallerIdentity(c, t, region, acct);
    }
    if (roll < 86) {
      String key = "reports/2026/" + calls.ids().hex(8) + ".csv";
      return s3.object(
          c, t, "GetObject", region, acct, bucket, key, 0, 2000 + random.nextInt(900_000), true);
    }
    if (roll < 89) {
      String key = "uploads/" + calls.ids().hex(12) + ".json";
      return s3.object(
          c, t, "PutObject", region, acct, bucket, key, 500 + random.nextInt(50_000), 0, false);
    }
    if (roll < 95) {
      String name = "/" + a.name() + "/app/" + (random.nextBoolean() ? "db-host" : "feature-flags");
      return calls
          .api(c, t, "ssm.amazonaws.com", "GetParameter", region)
          .account(acct)
          .readOnly()
          .request(
              g -> {
                g.writeStringField("name", name);
                g.writeBooleanField("withDecryption", false);
              })
          .build();
    }
    String resource = a.instanceIds().get(random.nextInt(a.instanceIds().size()));
    String owner = p(c);
    return calls
        .api(c, t, "ec2.amazonaws.com", "CreateTags", region)
        .account(acct)
        .request(
            g -> {
              g.writeObjectFieldStart("resourcesSet");
              g.writeArrayFieldStart("items");
              g.writeStartObject();
              g.writeStringField("resourceId", resource);
              g.writeEndObject();
              g.writeEndArray();
              g.writeEndObject();
              g.writeObjectFieldStart("tagSet");
              g.writeArrayFieldStart("items");
              g.writeStartObject();
              g.writeStringField("key", "owner");
              g.writeStringField("value", owner);
              g.writeEndObject();
              g.writeEndArray();
              g.writeEndObject();
            })
        .response(g -> g.writeBooleanField("_return", true))
        .build();
  }

  private static String p(Caller c) {
    String arn = c.identity().arn();
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private Call simple(Caller c, Instant t, String source, String name, String region, String acct) {
    return calls.api(c, t, source, name, region).account(acct).readOnly().build();
  }
}
