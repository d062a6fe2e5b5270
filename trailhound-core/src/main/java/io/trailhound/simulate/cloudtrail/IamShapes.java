package io.trailhound.simulate.cloudtrail;

import java.time.Duration;
import java.time.Instant;

/** IAM, STS and sign-in calls with the request and response elements those services write. */
public final class IamShapes {

  private static final String GLOBAL = "us-east-1";

  private final Calls calls;

  public IamShapes(Calls calls) {
    this.calls = calls;
  }

  /**
   * {@code sts:AssumeRole} returning session credentials ({@code ASIA...}) and the assumed-role
   * user. {@code session} is the role session the credentials belong to.
   */
  public Call assumeRole(
      Caller c, Instant t, String region, String account, Identity.AssumedRole session) {
    String roleArn = session.roleArn();
    String sessionName = session.session();
    String key = session.accessKeyId();
    String token = calls.ids().secret() + calls.ids().secret();
    Instant expires = t.plus(Duration.ofHours(1));
    Calls.Builder b =
        calls
            .api(c, t, "sts.amazonaws.com", "AssumeRole", region)
            .account(account)
            .readOnly()
            .request(
                g -> {
                  g.writeStringField("roleArn", roleArn);
                  g.writeStringField("roleSessionName", sessionName);
                  g.writeNumberField("durationSeconds", 3600);
                })
            .response(
                g -> {
                  g.writeObjectFieldStart("credentials");
                  g.writeStringField("accessKeyId", key);
                  g.writeStringField("sessionToken", token);
                  g.writeStringField("expiration", Times.iam(expires));
                  g.writeEndObject();
                  g.writeObjectFieldStart("assumedRoleUser");
                  g.writeStringField("assumedRoleId", session.roleId() + ":" + sessionName);
                  g.writeStringField("arn", session.arn());
                  g.writeEndObject();
                })
            .resource(roleArn, account, "AWS::IAM::Role");
    if (c.identity() instanceof Identity.AwsService) {
      b.noTls();
    }
    return b.build();
  }

  /** {@code sts:GetCallerIdentity}: the first call made with a freshly obtained key. */
  public Call getCallerIdentity(Caller c, Instant t, String region, String account) {
    return calls
        .api(c, t, "sts.amazonaws.com", "GetCallerIdentity", region)
        .account(account)
        .readOnly()
        .build();
  }

  /** A console sign-in of an IAM user or root, with or without MFA. */
  public Call consoleLogin(Caller c, Instant t, String account, boolean success, boolean mfa) {
    String mfaArn =
        c.identity() instanceof Identity.IamUser u
            ? "arn:aws:iam::" + account + ":mfa/" + u.name()
            : "arn:aws:iam::" + account + ":mfa/root-account-mfa-device";
    Calls.Builder b =
        calls
            .api(c, t, "signin.amazonaws.com", "ConsoleLogin", GLOBAL)
            .version("1.09")
            .account(account)
            .eventType("AwsConsoleSignIn")
            .response(g -> g.writeStringField("ConsoleLogin", success ? "Success" : "Failure"))
            .additional(
                g -> {
                  g.writeStringField(
                      "LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23");
                  g.writeStringField("MobileVersion", "No");
                  g.writeStringField("MFAUsed", mfa && success ? "Yes" : "No");
                  if (mfa && success) {
                    g.writeStringField("MFAIdentifier", mfaArn);
                  }
                });
    if (!success) {
      Call failed = b.build();
      return new Call(
          failed.eventVersion(),
          failed.identity(),
          t,
          failed.source(),
          failed.name(),
          failed.region(),
          failed.sourceIp(),
          failed.userAgent(),
          null,
          "Failed authentication",
          null,
          g -> g.writeStringField("ConsoleLogin", "Failure"),
          failed.additional(),
          null,
          failed.eventId(),
          false,
          failed.resources(),
          failed.eventType(),
          account,
          failed.category(),
          failed.host(),
          false,
          null);
    }
    return b.build();
  }

  /** An IAM call (IAM is global: region us-east-1, host iam.amazonaws.com). */
  public Calls.Builder iam(Caller c, Instant t, String name, String account, Body request) {
    Calls.Builder b =
        calls.api(c, t, "iam.amazonaws.com", name, GLOBAL).account(account).request(request);
    if (name.startsWith("Get") || name.startsWith("List")) {
      b.readOnly();
    }
    return b;
  }

  /** {@code iam:CreateAccessKey} for {@code userName}, returning the new key. */
  public Call createAccessKey(Caller c, Instant t, String account, String userName, String newKey) {
    return iam(c, t, "CreateAccessKey", account, g -> g.writeStringField("userName", userName))
        .response(
            g -> {
              g.writeObjectFieldStart("accessKey");
              g.writeStringField("userName", userName);
              g.writeStringField("accessKeyId", newKey);
              g.writeStringField("status", "Active");
              g.writeStringField("createDate", Times.iam(t));
              g.writeEndObject();
            })
        .build();
  }

  /** {@code iam:CreateUser}, returning the user with its new unique id. */
  public Call createUser(Caller c, Instant t, String account, String userName) {
    String userId = calls.ids().principalId("AIDA");
    return iam(c, t, "CreateUser", account, g -> g.writeStringField("userName", userName))
        .response(
            g -> {
              g.writeObjectFieldStart("user");
              g.writeStringField("path", "/");
              g.writeStringField("userName", userName);
              g.writeStringField("userId", userId);
              g.writeStringField("arn", "arn:aws:iam::" + account + ":user/" + userName);
              g.writeStringField("createDate", Times.iam(t));
              g.writeEndObject();
            })
        .build();
  }
}
