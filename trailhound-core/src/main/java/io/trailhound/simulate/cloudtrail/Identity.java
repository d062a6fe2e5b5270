package io.trailhound.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/** The {@code userIdentity} of a record, one record type per identity type the simulator uses. */
public sealed interface Identity {

  /**
   * The principal ARN findings name as actor (or the invoking service); null for SAML and web
   * identity callers, which CloudTrail writes without an ARN.
   */
  String arn();

  String type();

  void write(JsonGenerator g) throws IOException;

  /** Long-term IAM user credentials; {@code session} set for console (or MFA) sessions. */
  record IamUser(
      String account, String name, String userId, String accessKeyId, Instant session, boolean mfa)
      implements Identity {
    @Override
    public String arn() {
      return "arn:aws:iam::" + account + ":user/" + name;
    }

    @Override
    public String type() {
      return "IAMUser";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", "IAMUser");
      g.writeStringField("principalId", userId);
      g.writeStringField("arn", arn());
      g.writeStringField("accountId", account);
      if (accessKeyId != null) {
        g.writeStringField("accessKeyId", accessKeyId);
      }
      g.writeStringField("userName", name);
      if (session != null) {
        g.writeObjectFieldStart("sessionContext");
        Identity.attributes(g, session, mfa);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  /**
   * Temporary credentials of a role. {@code ec2RoleDelivery} is "2.0" for instance-profile sessions
   * (IMDSv2), null otherwise; {@code signIn} marks a console session through SSO.
   */
  record AssumedRole(
      String account,
      String role,
      String roleId,
      String session,
      String accessKeyId,
      Instant created,
      boolean mfa,
      String ec2RoleDelivery,
      String sourceIdentity,
      String webIdProvider)
      implements Identity {

    /** A role session without web-identity federation. */
    public AssumedRole(
        String account,
        String role,
        String roleId,
        String session,
        String accessKeyId,
        Instant created,
        boolean mfa,
        String ec2RoleDelivery,
        String sourceIdentity) {
      this(
          account,
          role,
          roleId,
          session,
          accessKeyId,
          created,
          mfa,
          ec2RoleDelivery,
          sourceIdentity,
          null);
    }

    @Override
    public String arn() {
      return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
    }

    public String roleArn() {
      return "arn:aws:iam::" + account + ":role/" + role;
    }

    @Override
    public String type() {
      return "AssumedRole";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      Identity.openSession(g, "AssumedRole", roleId + ":" + session, arn(), account, accessKeyId);
      Identity.sessionIssuer(g, "Role", roleId, roleArn(), account, role);
      g.writeObjectFieldStart("webIdFederationData");
      if (webIdProvider != null) {
        g.writeStringField("federatedProvider", webIdProvider);
        g.writeObjectFieldStart("attributes");
        g.writeEndObject();
      }
      g.writeEndObject();
      Identity.attributes(g, created, mfa);
      if (sourceIdentity != null) {
        g.writeStringField("sourceIdentity", sourceIdentity);
      }
      if (ec2RoleDelivery != null) {
        g.writeStringField("ec2RoleDelivery", ec2RoleDelivery);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /**
   * The caller of {@code AssumeRoleWithSAML}: a person authenticated by a SAML identity provider.
   * {@code nameQualifier} is the provider's base64 hash, {@code subject} the asserted name (an
   * email); CloudTrail writes no ARN or account for this type, and the qualifier as {@code
   * identityProvider}.
   */
  record SamlUser(String nameQualifier, String subject, String providerArn) implements Identity {
    @Override
    public String arn() {
      return null;
    }

    @Override
    public String type() {
      return "SAMLUser";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", "SAMLUser");
      g.writeStringField("principalId", nameQualifier + ":" + subject);
      g.writeStringField("userName", subject);
      // CloudTrail names a SAML provider by its name qualifier here (AWS's documented example
      // shows the same value as the response's nameQualifier), not by the provider's ARN, which
      // only the request's principalArn carries.
      g.writeStringField("identityProvider", nameQualifier);
      g.writeEndObject();
    }
  }

  /**
   * The caller of {@code AssumeRoleWithWebIdentity}: a workload holding an OIDC token, such as a
   * GitHub Actions job ({@code subject} = {@code repo:org/name:ref:refs/heads/main}).
   */
  record WebIdentityUser(String providerArn, String audience, String subject) implements Identity {
    @Override
    public String arn() {
      return null;
    }

    @Override
    public String type() {
      return "WebIdentityUser";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", "WebIdentityUser");
      g.writeStringField("principalId", providerArn + ":" + audience + ":" + subject);
      g.writeStringField("userName", subject);
      g.writeStringField("identityProvider", providerArn);
      g.writeEndObject();
    }
  }

  /**
   * Temporary credentials from {@code GetFederationToken}: the federated user {@code name} issued
   * by the IAM user {@code issuer} (with unique id {@code issuerId}).
   */
  record FederatedUser(
      String account,
      String name,
      String accessKeyId,
      String issuer,
      String issuerId,
      Instant created)
      implements Identity {
    @Override
    public String arn() {
      return "arn:aws:sts::" + account + ":federated-user/" + name;
    }

    @Override
    public String type() {
      return "FederatedUser";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      Identity.openSession(g, "FederatedUser", account + ":" + name, arn(), account, accessKeyId);
      Identity.sessionIssuer(
          g, "IAMUser", issuerId, "arn:aws:iam::" + account + ":user/" + issuer, account, issuer);
      g.writeObjectFieldStart("webIdFederationData");
      g.writeEndObject();
      Identity.attributes(g, created, false);
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** The account's root user, with an access key or a console session. */
  record Root(String account, String accessKeyId, Instant session, boolean mfa)
      implements Identity {
    @Override
    public String arn() {
      return "arn:aws:iam::" + account + ":root";
    }

    @Override
    public String type() {
      return "Root";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", "Root");
      g.writeStringField("principalId", account);
      g.writeStringField("arn", arn());
      g.writeStringField("accountId", account);
      if (accessKeyId != null) {
        g.writeStringField("accessKeyId", accessKeyId);
      }
      if (session != null) {
        g.writeObjectFieldStart("sessionContext");
        Identity.attributes(g, session, mfa);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  /** An AWS service acting on the account's behalf ({@code invokedBy}). */
  record AwsService(String service) implements Identity {
    @Override
    public String arn() {
      return service;
    }

    @Override
    public String type() {
      return "AWSService";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", "AWSService");
      g.writeStringField("invokedBy", service);
      g.writeEndObject();
    }
  }

  /** AWS itself (service events such as KMS key rotation): no type, {@code AWS Internal}. */
  record Internal(String account) implements Identity {
    @Override
    public String arn() {
      return "AWS Internal";
    }

    @Override
    public String type() {
      return null;
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("accountId", account);
      g.writeStringField("invokedBy", "AWS Internal");
      g.writeEndObject();
    }
  }

  /**
   * Opens {@code userIdentity} and its {@code sessionContext} for a caller with temporary
   * credentials; the caller closes both.
   */
  private static void openSession(
      JsonGenerator g, String type, String principalId, String arn, String account, String key)
      throws IOException {
    g.writeObjectFieldStart("userIdentity");
    g.writeStringField("type", type);
    g.writeStringField("principalId", principalId);
    g.writeStringField("arn", arn);
    g.writeStringField("accountId", account);
    g.writeStringField("accessKeyId", key);
    g.writeObjectFieldStart("sessionContext");
  }

  /** The {@code sessionIssuer} object: the role or user whose credentials made the session. */
  private static void sessionIssuer(
      JsonGenerator g, String type, String principalId, String arn, String account, String name)
      throws IOException {
    g.writeObjectFieldStart("sessionIssuer");
    g.writeStringField("type", type);
    g.writeStringField("principalId", principalId);
    g.writeStringField("arn", arn);
    g.writeStringField("accountId", account);
    g.writeStringField("userName", name);
    g.writeEndObject();
  }

  private static void attributes(JsonGenerator g, Instant created, boolean mfa) throws IOException {
    g.writeObjectFieldStart("attributes");
    g.writeStringField("creationDate", Times.iso(created));
    g.writeStringField("mfaAuthenticated", mfa ? "true" : "false");
    g.writeEndObject();
  }
}
