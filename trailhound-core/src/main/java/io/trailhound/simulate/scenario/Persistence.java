package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.FederationShapes;
import io.trailhound.simulate.cloudtrail.IamShapes;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.Times;
import java.util.List;

/** Stratus persistence and privilege-escalation techniques: IAM, Lambda, Roles Anywhere, STS. */
final class Persistence {

  private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  private Persistence() {}

  static List<Scenario> all() {
    return List.of(
        new Technique(
            "iam-backdoor-user",
            "Access key created for another IAM user",
            "aws.persistence.iam-backdoor-user",
            List.of("T1098.001"),
            Persistence::backdoorUser),
        new Technique(
            "iam-create-admin-user",
            "Administrator IAM user created with an access key",
            "aws.persistence.iam-create-admin-user",
            List.of("T1136.003", "T1098"),
            Persistence::adminUser),
        new Technique(
            "iam-create-backdoor-role",
            "Administrator role created that an outside account may assume",
            "aws.persistence.iam-create-backdoor-role",
            List.of("T1098.003"),
            Persistence::backdoorRole),
        new Technique(
            "iam-update-user-login-profile",
            "Another IAM user's console password changed",
            "aws.privilege-escalation.iam-update-user-login-profile",
            List.of("T1098", "T1078.004"),
            Persistence::updateLoginProfile),
        new Technique(
            "lambda-backdoor-function",
            "Lambda function made invocable by anyone",
            "aws.persistence.lambda-backdoor-function",
            List.of("T1546"),
            Persistence::lambdaPermission),
        new Technique(
            "lambda-overwrite-code",
            "Lambda function code overwritten",
            "aws.persistence.lambda-overwrite-code",
            List.of("T1525"),
            Persistence::lambdaCode),
        new Technique(
            "lambda-layer-extension",
            "Lambda function given an outside account's layer",
            "aws.persistence.lambda-layer-extension",
            List.of("T1525"),
            Persistence::lambdaLayer),
        new Technique(
            "rolesanywhere-create-trust-anchor",
            "IAM Roles Anywhere trust anchor and profile created",
            "aws.persistence.rolesanywhere-create-trust-anchor",
            List.of("T1098"),
            Persistence::trustAnchor),
        new Technique(
            "sts-federation-token",
            "Federation token minted from a leaked key and used",
            "aws.persistence.sts-federation-token",
            List.of("T1098.001", "T1550.001"),
            Persistence::federationToken));
  }

  private static void backdoorUser(Attack a) {
    IamShapes iam = a.ctx().iam();
    String id = a.account().id();
    a.add(iam.iam(a.caller(), a.now(), "ListUsers", id, null));
    a.pause(5, 200);
    String user = a.otherUser();
    a.add(iam.iam(a.caller(), a.now(), "ListAccessKeys", id, obj("userName", user)));
    a.pause(3, 60);
    a.add(
        iam.createAccessKey(
            a.caller(), a.now(), id, user, a.ctx().calls().ids().accessKey("AKIA")));
  }

  private static void adminUser(Attack a) {
    IamShapes iam = a.ctx().iam();
    String id = a.account().id();
    String user = a.name("backup-admin", "svc-monitoring", "support", "aws-ops", "devops");
    a.add(iam.iam(a.caller(), a.now(), "GetUser", id, null));
    a.pause(5, 120);
    a.add(iam.createUser(a.caller(), a.now(), id, user));
    a.pause(2, 40);
    a.add(
        iam.iam(
            a.caller(),
            a.now(),
            "AttachUserPolicy",
            id,
            obj("userName", user, "policyArn", ADMIN)));
    a.pause(2, 40);
    a.add(
        iam.createAccessKey(
            a.caller(), a.now(), id, user, a.ctx().calls().ids().accessKey("AKIA")));
  }

  private static void backdoorRole(Attack a) {
    IamShapes iam = a.ctx().iam();
    String id = a.account().id();
    String role =
        a.name("OrganizationAccountAccess", "support-access", "sso-breakglass", "audit-readonly");
    String outside = a.outsideAccount();
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
            + outside
            + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    String roleId = a.ctx().calls().ids().principalId("AROA");
    a.add(iam.iam(a.caller(), a.now(), "ListRoles", id, null));
    a.pause(5, 200);
    a.add(
        iam.iam(
                a.caller(),
                a.now(),
                "CreateRole",
                id,
                obj("roleName", role, "assumeRolePolicyDocument", trust))
            .response(
                obj(
                    "role",
                    obj(
                        "path",
                        "/",
                        "roleName",
                        role,
                        "roleId",
                        roleId,
                        "arn",
                        "arn:aws:iam::" + id + ":role/" + role,
                        "createDate",
                        Times.iam(a.now()),
                        "assumeRolePolicyDocument",
                        trust
                            .replace("\"", "%22")
                            .replace("{", "%7B")
                            .replace("}", "%7D")
                            .replace(":", "%3A")
                            .replace(",", "%2C")
                            .replace("[", "%5B")
                            .replace("]", "%5D")
                            .replace("/", "%2F")))));
    a.pause(2, 40);
    a.add(
        iam.iam(
            a.caller(),
            a.now(),
            "AttachRolePolicy",
            id,
            obj("roleName", role, "policyArn", ADMIN)));
  }

  private static void updateLoginProfile(Attack a) {
    IamShapes iam = a.ctx().iam();
    String id = a.account().id();
    String user = a.otherUser();
    a.add(iam.iam(a.caller(), a.now(), "ListUsers", id, null));
    a.pause(5, 200);
    a.add(iam.iam(a.caller(), a.now(), "GetLoginProfile", id, obj("userName", user)));
    a.pause(2, 60);
    a.add(
        iam.iam(
            a.caller(),
            a.now(),
            "UpdateLoginProfile",
            id,
            obj("userName", user, "passwordResetRequired", false)));
  }

  private static String function(Attack a) {
    return a.ctx().pick(a.account().functions());
  }

  private static void lambdaPermission(Attack a) {
    String fn = function(a);
    a.in(a.account().home());
    a.call("lambda", "ListFunctions20150331", null, null);
    a.pause(5, 150);
    String sid = a.name("backdoor", "public-invoke", "allow-all", "lambda-url");
    String statement =
        "{\"Sid\":\""
            + sid
            + "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\""
            + a.arn("lambda", "function:" + fn)
            + "\"}";
    a.call(
        "lambda",
        "AddPermission20150331v2",
        obj(
            "functionName",
            fn,
            "statementId",
            sid,
            "action",
            a.ctx().pick("lambda:InvokeFunction", "lambda:*"),
            "principal",
            "*"),
        obj("statement", statement));
  }

  private static void lambdaCode(Attack a) {
    String fn = function(a);
    a.in(a.account().home());
    a.call("lambda", "GetFunction20150331v2", obj("functionName", fn), null);
    a.pause(10, 300);
    a.call(
        "lambda",
        "UpdateFunctionCode20150331v2",
        obj("functionName", fn, "publish", a.ctx().random().nextBoolean(), "dryRun", false),
        obj(
            "functionName",
            fn,
            "functionArn",
            a.arn("lambda", "function:" + fn),
            "runtime",
            a.ctx().pick("python3.12", "nodejs20.x", "python3.11"),
            "role",
            "arn:aws:iam::" + a.account().id() + ":role/" + fn + "-role",
            "handler",
            "index.handler",
            "codeSize",
            400 + a.ctx().random().nextInt(40000),
            "description",
            "",
            "timeout",
            30,
            "memorySize",
            128,
            "lastModified",
            Times.iso(a.now()).replace("Z", ".000+0000"),
            "codeSha256",
            a.uuid().replace("-", "").substring(0, 30) + "AbCdEfGhIjKl8=",
            "version",
            "$LATEST",
            "state",
            "Active",
            "lastUpdateStatus",
            "InProgress",
            "packageType",
            "Zip",
            "architectures",
            List.of("x86_64")));
  }

  private static void lambdaLayer(Attack a) {
    String fn = function(a);
    a.in(a.account().home());
    String layer =
        "arn:aws:lambda:"
            + a.region()
            + ":"
            + a.outsideAccount()
            + ":layer:"
            + a.name("log-forwarder", "extension", "telemetry", "datadog-ext")
            + ":"
            + a.between(1, 9);
    a.call("lambda", "GetFunctionConfiguration20150331v2", obj("functionName", fn), null);
    a.pause(10, 300);
    a.call(
        "lambda",
        "UpdateFunctionConfiguration20150331v2",
        obj("functionName", fn, "layers", List.of(layer)),
        obj(
            "functionName",
            fn,
            "functionArn",
            a.arn("lambda", "function:" + fn),
            "runtime",
            a.ctx().pick("python3.12", "nodejs20.x"),
            "layers",
            List.of(obj("arn", layer, "codeSize", 4096 + a.ctx().random().nextInt(100000))),
            "state",
            "Active",
            "lastUpdateStatus",
            "InProgress"));
  }

  private static void trustAnchor(Attack a) {
    String name = a.name("ops-ca", "corp-pki", "onprem-ca", "iot-fleet");
    String anchor = a.uuid();
    a.call(
        "rolesanywhere",
        "CreateTrustAnchor",
        obj(
            "name",
            name,
            "enabled",
            true,
            "source",
            obj(
                "sourceType",
                "CERTIFICATE_BUNDLE",
                "sourceData",
                obj("x509CertificateData", "<sensitiveDataRemoved>"))),
        obj(
            "trustAnchor",
            obj(
                "trustAnchorId",
                anchor,
                "trustAnchorArn",
                a.arn("rolesanywhere", "trust-anchor/" + anchor),
                "name",
                name,
                "enabled",
                true)));
    a.pause(5, 120);
    String profile = a.uuid();
    a.call(
        "rolesanywhere",
        "CreateProfile",
        obj(
            "name",
            name + "-profile",
            "enabled",
            true,
            "roleArns",
            List.of("arn:aws:iam::" + a.account().id() + ":role/" + a.name("admin", "ops"))),
        obj(
            "profile",
            obj(
                "profileId",
                profile,
                "profileArn",
                a.arn("rolesanywhere", "profile/" + profile),
                "name",
                name + "-profile",
                "enabled",
                true)));
  }

  private static void federationToken(Attack a) {
    a.call("sts", "GetCallerIdentity", null, null);
    a.pause(3, 60);
    Caller leaked = a.caller();
    Identity.IamUser user = (Identity.IamUser) leaked.identity();
    String name = a.name("stratus_red_team", "session", "console", "admin", "tmp");
    Identity.FederatedUser fed =
        new Identity.FederatedUser(
            a.account().id(),
            name,
            a.ctx().calls().ids().accessKey("ASIA"),
            user.name(),
            user.userId(),
            a.now());
    a.add(
        new FederationShapes(a.ctx().calls()).getFederationToken(leaked, a.now(), a.region(), fed));
    a.pause(10, 600);
    a.as(new Caller(fed, leaked.ip(), leaked.userAgent(), false));
    a.call("sts", "GetCallerIdentity", null, null);
    for (int i = 0, n = a.between(1, 3); i < n; i++) {
      a.pause(2, 60);
      a.add(
          a.ctx()
              .s3()
              .bucket(a.caller(), a.now(), "ListBuckets", a.region(), a.account().id(), null, null)
              .readOnly());
    }
  }
}
