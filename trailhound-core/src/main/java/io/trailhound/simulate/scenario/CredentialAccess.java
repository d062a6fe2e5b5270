package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.activity.WorkloadActivity;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Workload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stratus credential-access techniques: secrets, parameters, passwords, instance credentials. */
final class CredentialAccess {

  private static final DateTimeFormatter SSM_TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CredentialAccess() {}

  static List<Scenario> all() {
    return List.of(
        new Technique(
            "ec2-get-password-data",
            "Windows administrator passwords requested for instances",
            "aws.credential-access.ec2-get-password-data",
            List.of("T1552"),
            CredentialAccess::passwordData),
        new Technique(
            "secretsmanager-retrieve-secrets",
            "Secrets Manager secrets read one after another",
            "aws.credential-access.secretsmanager-retrieve-secrets",
            List.of("T1555.006"),
            CredentialAccess::secrets),
        new Technique(
            "secretsmanager-batch-retrieve-secrets",
            "Secrets Manager secrets read in one batch",
            "aws.credential-access.secretsmanager-batch-retrieve-secrets",
            List.of("T1555.006"),
            CredentialAccess::batchSecrets),
        new Technique(
            "ssm-retrieve-securestring-parameters",
            "SSM SecureString parameters listed and decrypted",
            "aws.credential-access.ssm-retrieve-securestring-parameters",
            List.of("T1555.006"),
            CredentialAccess::parameters),
        new Technique(
            "ec2-steal-instance-credentials",
            "Instance role credentials taken through SSM and used from outside",
            "aws.credential-access.ec2-steal-instance-credentials",
            List.of("T1552.005", "T1651"),
            Technique.withInstances(1),
            CredentialAccess::instanceCredentials));
  }

  private static void passwordData(Attack a) {
    List<Workload> targets = a.instances();
    a.in(targets.isEmpty() ? a.region() : targets.get(0).region());
    a.describe("DescribeInstances");
    boolean allowed = a.ctx().random().nextBoolean();
    int n = Math.max(1, Math.min(targets.size(), a.between(1, 4)));
    for (int i = 0; i < n; i++) {
      a.pause(1, 20);
      String id = targets.isEmpty() ? a.resourceId("i") : targets.get(i).session();
      var request = obj("instanceId", id);
      if (allowed) {
        a.call("ec2", "GetPasswordData", request, null);
      } else {
        a.denied(
            "ec2",
            "GetPasswordData",
            request,
            "Client.UnauthorizedOperation",
            "ec2:GetPasswordData");
      }
    }
  }

  private static void secrets(Attack a) {
    a.call("secretsmanager", "ListSecrets", obj("maxResults", 100), null);
    String env = a.ctx().pick("prod", "production", "live", a.account().name());
    int n = a.between(10, 24);
    String[] kinds = {"db", "rds", "api", "stripe", "sendgrid", "github", "jwt", "oauth", "redis"};
    for (int i = 0; i < n; i++) {
      a.pause(0, 25);
      String id =
          env
              + "/"
              + kinds[i % kinds.length]
              + "/"
              + (i / kinds.length == 0 ? "credentials" : "key-" + i);
      a.call("secretsmanager", "GetSecretValue", obj("secretId", id), null);
    }
  }

  private static void batchSecrets(Attack a) {
    a.call("secretsmanager", "ListSecrets", obj("maxResults", 100), null);
    a.pause(2, 60);
    if (a.ctx().random().nextBoolean()) {
      a.call(
          "secretsmanager",
          "BatchGetSecretValue",
          obj(
              "filters",
              List.of(obj("key", "name", "values", List.of(a.ctx().pick("prod", "db", "")))),
              "maxResults",
              20),
          null);
    } else {
      List<String> ids = new ArrayList<>();
      for (int i = 0, n = a.between(3, 20); i < n; i++) {
        ids.add(a.arn("secretsmanager", "secret:" + a.name("app", "db", "svc") + "-" + a.hex(6)));
      }
      a.call("secretsmanager", "BatchGetSecretValue", obj("secretIdList", ids), null);
    }
  }

  private static void parameters(Attack a) {
    a.call("ssm", "DescribeParameters", obj("maxResults", 50), null);
    String base = "/" + a.ctx().pick("prod", "app", a.account().name(), "shared") + "/";
    int batches = a.between(1, 3);
    for (int b = 0; b < batches; b++) {
      a.pause(1, 40);
      List<String> names = new ArrayList<>();
      for (int i = 0, n = a.between(3, 10); i < n; i++) {
        names.add(
            base
                + a.ctx().pick("db", "api", "smtp", "vault", "ldap")
                + "/"
                + a.ctx().pick("password", "token", "secret-key")
                + "-"
                + (b * 10 + i));
      }
      if (names.size() == 1 || a.ctx().random().nextInt(4) == 0) {
        a.call("ssm", "GetParameter", obj("name", names.get(0), "withDecryption", true), null);
      } else {
        a.call("ssm", "GetParameters", obj("names", names, "withDecryption", true), null);
      }
    }
  }

  /**
   * A shell command through SSM reads the instance metadata service; the role credentials it
   * returned are then used from the attacker's own address.
   */
  private static void instanceCredentials(Attack a) {
    Workload w = a.instances().get(0);
    a.in(w.region());
    a.describe("DescribeInstances");
    a.pause(2, 60);
    a.call("ssm", "DescribeInstanceInformation", obj("maxResults", 50), null);
    a.pause(5, 120);
    String command = Execution.sendCommand(a, List.of(w.session()));
    a.pause(3, 30);
    a.call(
        "ssm", "GetCommandInvocation", obj("commandId", command, "instanceId", w.session()), null);
    a.pause(30, 900);
    Caller stolen =
        new Caller(
            WorkloadActivity.identity(w, a.now()), a.attackerIp(), a.ctx().attackerAgent(), false);
    a.as(stolen);
    a.call("sts", "GetCallerIdentity", null, null);
    for (int i = 0, n = a.between(1, 4); i < n; i++) {
      a.pause(2, 90);
      String api = a.ctx().pick("DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes");
      a.describe(api);
    }
    // What the instance may read, the thief reads: its application's secrets.
    a.pause(5, 120);
    String app = "/" + a.account().name() + "/" + a.ctx().pick("app", "api", "worker") + "/";
    List<String> names = new ArrayList<>();
    for (int i = 0, n = a.between(1, 4); i < n; i++) {
      names.add(app + a.ctx().pick("db-password", "api-key", "jwt-secret", "smtp-password") + i);
    }
    a.call("ssm", "GetParameters", obj("names", names, "withDecryption", true), null);
  }

  static String ssmTime(Instant t) {
    return SSM_TIME.format(t);
  }
}
