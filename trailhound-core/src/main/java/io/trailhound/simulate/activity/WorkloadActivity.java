package io.trailhound.simulate.activity;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Ec2Shapes;
import io.trailhound.simulate.cloudtrail.IamShapes;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.S3Shapes;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What machines do: instances and functions read and write their buckets and decrypt with KMS, the
 * SSM agent checks in, CI pipelines describe, deploy and launch small instances.
 */
public final class WorkloadActivity {

  private static final String[] SMALL_TYPES = {"t3.medium", "t3.large", "m6i.large", "c6i.xlarge"};

  private final Calls calls;
  private final IamShapes iam;
  private final S3Shapes s3;
  private final Ec2Shapes ec2;
  private final SplittableRandom random;
  private final FederationActivity federation;

  WorkloadActivity(Calls calls, FederationActivity federation) {
    this.federation = federation;
    this.calls = calls;
    this.iam = new IamShapes(calls);
    this.s3 = new S3Shapes(calls);
    this.ec2 = new Ec2Shapes(calls);
    this.random = calls.ids().random();
  }

  /** The service assuming the workload's role for fresh credentials. */
  Call refresh(Account a, Workload w, Instant t) {
    if (FederationActivity.oidc(w)) {
      return federation.webIdentity(a, w, identity(w, t), t);
    }
    String service =
        w.kind() == Workload.Kind.LAMBDA ? "lambda.amazonaws.com" : "ec2.amazonaws.com";
    Caller caller = new Caller(new Identity.AwsService(service), service, service, false);
    return iam.assumeRole(caller, t, w.region(), w.account(), identity(w, t));
  }

  Call call(Account a, Workload w, Instant t) {
    Caller c = new Caller(identity(w, t), w.ip(), w.userAgent(), false);
    String acct = a.id();
    return switch (w.kind()) {
      case INSTANCE -> instance(c, a, w, t, acct);
      case LAMBDA -> function(c, a, w, t, acct);
      case CI -> ci(c, a, w, t, acct);
    };
  }

  /**
   * When the credentials in use at {@code t} were issued: workloads refresh hourly, each at its own
   * five-minute mark so the refreshes of a fleet spread over the hour.
   */
  static Instant period(Workload w, Instant t) {
    long offset = Math.floorMod(w.session().hashCode(), 12) * 300L;
    return Instant.ofEpochSecond(
        t.getEpochSecond() - Math.floorMod(t.getEpochSecond() - offset, 3600L));
  }

  /** The role session {@code w} holds at {@code t} (scenarios steal it). */
  public static Identity.AssumedRole identity(Workload w, Instant t) {
    Instant hour = period(w, t);
    long h = (w.session() + hour).hashCode() & 0xFFFFFFFFL;
    String key =
        "ASIA" + String.format(Locale.ROOT, "%016X", h * 0x9E3779B97F4A7C15L).substring(0, 16);
    String delivery = w.kind() == Workload.Kind.INSTANCE ? "2.0" : null;
    String webId = FederationActivity.oidc(w) ? FederationActivity.oidcProvider(w.account()) : null;
    return new Identity.AssumedRole(
        w.account(), w.role(), w.roleId(), w.session(), key, hour, false, delivery, null, webId);
  }

  private Call instance(Caller c, Account a, Workload w, Instant t, String acct) {
    int roll = random.nextInt(100);
    String bucket = a.buckets().get(0);
    if (roll < 35) {
      String key = "app/cache/" + calls.ids().hex(10) + ".bin";
      return s3.object(
          c,
          t,
          "GetObject",
          w.region(),
          acct,
          bucket,
          key,
          0,
          1024 + random.nextInt(4_000_000),
          true);
    }
    if (roll < 50) {
      String key = "app/out/" + calls.ids().hex(10) + ".json";
      return s3.object(
          c,
          t,
          "PutObject",
          w.region(),
          acct,
          a.buckets().get(2),
          key,
          200 + random.nextInt(200_000),
          0,
          false);
    }
    if (roll < 65) {
      String instance = w.session();
      return calls
          .api(c, t, "ssm.amazonaws.com", "UpdateInstanceInformation", w.region())
          .account(acct)
          .request(
              g -> {
                g.writeStringField("instanceId", instance);
                g.writeStringField("agentVersion", "3.3.1142.0");
                g.writeStringField("agentStatus", "Active");
                g.writeStringField("platformType", "Linux");
                g.writeStringField("platformName", "Amazon Linux");
                g.writeStringField("platformVersion", "2023");
              })
          .build();
    }
    if (roll < 85) {
      return kms(c, t, "Decrypt", w.region(), acct);
    }
    return ec2.describe(c, t, "DescribeTags", w.region(), acct);
  }

  private Call function(Caller c, Account a, Workload w, Instant t, String acct) {
    int roll = random.nextInt(100);
    if (roll < 40) {
      String key = "incoming/" + calls.ids().hex(12) + ".png";
      return s3.object(
          c,
          t,
          "GetObject",
          w.region(),
          acct,
          a.buckets().get(0),
          key,
          0,
          20_000 + random.nextInt(3_000_000),
          true);
    }
    if (roll < 75) {
      String key = "processed/" + calls.ids().hex(12) + ".png";
      return s3.object(
          c,
          t,
          "PutObject",
          w.region(),
          acct,
          a.buckets().get(0),
          key,
          5_000 + random.nextInt(800_000),
          0,
          false);
    }
    return kms(c, t, "GenerateDataKey", w.region(), acct);
  }

  private Call ci(Caller c, Account a, Workload w, Instant t, String acct) {
    int roll = random.nextInt(100);
    if (roll < 30) {
      return ec2.describe(
          c, t, roll < 15 ? "DescribeInstances" : "DescribeImages", w.region(), acct);
    }
    if (roll < 45) {
      return calls
          .api(c, t, "cloudformation.amazonaws.com", "DescribeStacks", w.region())
          .account(acct)
          .readOnly()
          .build();
    }
    if (roll < 60) {
      return calls
          .api(c, t, "ecr.amazonaws.com", "GetAuthorizationToken", w.region())
          .account(acct)
          .readOnly()
          .build();
    }
    if (roll < 80) {
      String key = "artifacts/" + calls.ids().hex(8) + "/bundle.zip";
      return s3.object(
          c,
          t,
          "PutObject",
          w.region(),
          acct,
          a.buckets().get(1),
          key,
          100_000 + random.nextInt(9_000_000),
          0,
          false);
    }
    if (roll < 95 && !a.functions().isEmpty()) {
      String fn = a.functions().get(random.nextInt(a.functions().size()));
      String bucket = a.buckets().get(1);
      return calls
          .api(c, t, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", w.region())
          .account(acct)
          .request(
              g -> {
                g.writeStringField("functionName", fn);
                g.writeStringField("s3Bucket", bucket);
                g.writeStringField("s3Key", "artifacts/" + fn + ".zip");
                g.writeBooleanField("publish", true);
              })
          .response(
              g -> {
                g.writeStringField("functionName", fn);
                g.writeStringField("runtime", "python3.12");
                g.writeStringField("handler", "app.handler");
              })
          .build();
    }
    String type = SMALL_TYPES[random.nextInt(SMALL_TYPES.length)];
    return ec2.runInstances(
        c, t, w.region(), acct, type, 1, "ami-0" + calls.ids().hex(16), true, a.name() + "-worker");
  }

  private Call kms(Caller c, Instant t, String name, String region, String acct) {
    String keyArn =
        "arn:aws:kms:"
            + region
            + ":"
            + acct
            + ":key/"
            + UUID.nameUUIDFromBytes((acct + region).getBytes(StandardCharsets.UTF_8));
    return calls
        .api(c, t, "kms.amazonaws.com", name, region)
        .account(acct)
        .readOnly()
        .request(
            g -> {
              g.writeStringField("keyId", keyArn);
              g.writeStringField("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
            })
        .resource(keyArn, acct, "AWS::KMS::Key")
        .build();
  }
}
