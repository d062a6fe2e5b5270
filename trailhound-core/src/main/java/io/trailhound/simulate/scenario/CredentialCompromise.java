package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.IamShapes;
import io.trailhound.simulate.cloudtrail.Times;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaked long-term key used from a new address: identity check, IAM and S3 enumeration, privilege
 * escalation (one of four ways), persistence through a new user with a key and a password, then
 * data access.
 */
final class CredentialCompromise implements Scenario {

  private static final String[] NEW_USERS = {
    "svc-backup", "support-ops", "aws-health-check", "devops-temp", "monitoring-agent", "ci-runner"
  };

  @Override
  public String kind() {
    return "credential-compromise";
  }

  @Override
  public String name() {
    return "Leaked access key: enumeration, privilege escalation, persistence, data access";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1078.004", "T1087.004", "T1098.003", "T1136.003", "T1098.001", "T1530");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    Caller c = ctx.leakedKey(victim, ctx.attackerIp(), ctx.attackerAgent());
    IamShapes iam = ctx.iam();
    String acct = a.id();
    String region = a.home();
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(iam.getCallerIdentity(c, t, region, acct));
    for (String list :
        List.of("ListUsers", "ListRoles", "ListPolicies", "GetAccountAuthorizationDetails")) {
      t = ctx.after(t, 2, 40);
      out.add(iam.iam(c, t, list, acct, null).build());
    }
    t = ctx.after(t, 2, 30);
    out.add(ctx.s3().bucket(c, t, "ListBuckets", region, acct, null, null).readOnly().build());
    t = ctx.after(t, 60, 900);
    out.add(escalate(ctx, c, t, victim.iamUser(), acct));
    String user = ctx.pick(NEW_USERS) + "-" + ctx.calls().ids().hex(4);
    t = ctx.after(t, 20, 300);
    out.add(iam.createUser(c, t, acct, user));
    t = ctx.after(t, 3, 60);
    out.add(iam.createAccessKey(c, t, acct, user, ctx.calls().ids().accessKey("AKIA")));
    t = ctx.after(t, 3, 60);
    String created = Times.iam(t);
    out.add(
        iam.iam(
                c,
                t,
                "CreateLoginProfile",
                acct,
                g -> {
                  g.writeStringField("userName", user);
                  g.writeBooleanField("passwordResetRequired", false);
                })
            .response(
                g -> {
                  g.writeObjectFieldStart("loginProfile");
                  g.writeStringField("userName", user);
                  g.writeStringField("createDate", created);
                  g.writeBooleanField("passwordResetRequired", false);
                  g.writeEndObject();
                })
            .build());
    String bucket = ctx.pick(a.buckets());
    int objects = 3 + ctx.random().nextInt(12);
    t = ctx.after(t, 120, 1800);
    for (int i = 0; i < objects; i++) {
      t = ctx.after(t, 1, 20);
      String key = ctx.pick("exports/", "db/", "finance/") + ctx.calls().ids().hex(8) + ".csv.gz";
      out.add(
          ctx.s3()
              .object(
                  c,
                  t,
                  "GetObject",
                  region,
                  acct,
                  bucket,
                  key,
                  0,
                  50_000 + ctx.random().nextInt(40_000_000),
                  true));
    }
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), acct, out);
  }

  private static Call escalate(ScenarioContext ctx, Caller c, Instant t, String self, String acct) {
    IamShapes iam = ctx.iam();
    return switch (ctx.random().nextInt(5)) {
      case 0 ->
          iam.iam(
                  c,
                  t,
                  "AttachUserPolicy",
                  acct,
                  g -> {
                    g.writeStringField("userName", self);
                    g.writeStringField("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
                  })
              .build();
      case 1 ->
          iam.iam(
                  c,
                  t,
                  "PutUserPolicy",
                  acct,
                  g -> {
                    g.writeStringField("userName", self);
                    g.writeStringField(
                        "policyName", ctx.pick("default", "s3-access", "maintenance"));
                    g.writeStringField(
                        "policyDocument",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
                  })
              .build();
      case 2 -> {
        String policy =
            "arn:aws:iam::" + acct + ":policy/" + ctx.pick("deploy-policy", "app-s3-access", "ops");
        yield iam.iam(
                c,
                t,
                "CreatePolicyVersion",
                acct,
                g -> {
                  g.writeStringField("policyArn", policy);
                  g.writeStringField(
                      "policyDocument",
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
                  g.writeBooleanField("setAsDefault", true);
                })
            .response(
                g -> {
                  g.writeObjectFieldStart("policyVersion");
                  g.writeStringField("versionId", "v" + (2 + ctx.random().nextInt(4)));
                  g.writeBooleanField("isDefaultVersion", true);
                  g.writeStringField("createDate", Times.iam(t));
                  g.writeEndObject();
                })
            .build();
      }
      case 3 -> {
        String role = ctx.pick(ctx.account().workloads()).role();
        String attacker = c.identity().arn();
        yield iam.iam(
                c,
                t,
                "UpdateAssumeRolePolicy",
                acct,
                g -> {
                  g.writeStringField("roleName", role);
                  g.writeStringField(
                      "policyDocument",
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Principal\":{\"AWS\":\""
                          + attacker
                          + "\"},\"Action\":\"sts:AssumeRole\"}]}");
                })
            .build();
      }
      default ->
          iam.iam(
                  c,
                  t,
                  "AttachUserPolicy",
                  acct,
                  g -> {
                    g.writeStringField("userName", self);
                    g.writeStringField("policyArn", "arn:aws:iam::aws:policy/IAMFullAccess");
                  })
              .build();
    };
  }
}
