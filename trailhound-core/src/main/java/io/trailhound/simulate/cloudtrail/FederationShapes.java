package io.trailhound.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The STS calls that federate an outside identity into AWS: {@code AssumeRoleWithSAML}, {@code
 * AssumeRoleWithWebIdentity} and {@code GetFederationToken}, with the request and response elements
 * STS writes for them.
 */
public final class FederationShapes {

  private final Calls calls;

  public FederationShapes(Calls calls) {
    this.calls = calls;
  }

  /**
   * A SAML assertion exchanged for the role session {@code session} (whose session name is the
   * asserted subject). {@code issuer} is the identity provider's entity id.
   */
  public Call assumeRoleWithSaml(
      Caller c, Instant t, String region, Identity.AssumedRole session, String issuer) {
    Identity.SamlUser user = (Identity.SamlUser) c.identity();
    String account = session.account();
    String token = calls.ids().secret() + calls.ids().secret();
    String assertionId = "_" + calls.ids().hex(32);
    Instant expires = t.plus(Duration.ofHours(8));
    return calls
        .api(c, t, "sts.amazonaws.com", "AssumeRoleWithSAML", region)
        .account(account)
        .readOnly()
        .request(
            g -> {
              g.writeStringField("sAMLAssertionID", assertionId);
              g.writeStringField("roleSessionName", session.session());
              g.writeNumberField("durationSeconds", 28800);
              g.writeStringField("roleArn", session.roleArn());
              g.writeStringField("principalArn", user.providerArn());
            })
        .response(
            g -> {
              g.writeStringField("subjectType", "persistent");
              g.writeStringField("issuer", issuer);
              credentials(g, session, token, expires);
              g.writeStringField("nameQualifier", user.nameQualifier());
              g.writeStringField("subject", user.subject());
              g.writeStringField("audience", "https://signin.aws.amazon.com/saml");
              if (session.sourceIdentity() != null) {
                g.writeStringField("sourceIdentity", session.sourceIdentity());
              }
            })
        .resource(session.roleArn(), account, "AWS::IAM::Role")
        .resource(user.providerArn(), account, "AWS::IAM::SAMLProvider")
        .build();
  }

  /** An OIDC token (e.g. from GitHub Actions) exchanged for the role session {@code session}. */
  public Call assumeRoleWithWebIdentity(
      Caller c, Instant t, String region, Identity.AssumedRole session) {
    Identity.WebIdentityUser user = (Identity.WebIdentityUser) c.identity();
    String account = session.account();
    String token = calls.ids().secret() + calls.ids().secret();
    Instant expires = t.plus(Duration.ofHours(1));
    return calls
        .api(c, t, "sts.amazonaws.com", "AssumeRoleWithWebIdentity", region)
        .account(account)
        .readOnly()
        .request(
            g -> {
              g.writeStringField("roleArn", session.roleArn());
              g.writeStringField("roleSessionName", session.session());
              g.writeNumberField("durationSeconds", 3600);
            })
        .response(
            g -> {
              credentials(g, session, token, expires);
              g.writeStringField("subjectFromWebIdentityToken", user.subject());
              g.writeStringField("provider", user.providerArn());
              g.writeStringField("audience", user.audience());
            })
        // How STS verified the OIDC provider's certificate: GitHub's is in the IAM trust store.
        .additional(
            g ->
                g.writeStringField("identityProviderConnectionVerificationMethod", "IAMTrustStore"))
        .resource(session.roleArn(), account, "AWS::IAM::Role")
        .build();
  }

  /**
   * {@code sts:GetFederationToken} by an IAM user (an identity broker) for the federated user
   * {@code federated}, scoped by an inline session policy.
   */
  public Call getFederationToken(Caller c, Instant t, String region, Identity.FederatedUser fed) {
    String token = calls.ids().secret() + calls.ids().secret();
    Instant expires = t.plus(Duration.ofHours(12));
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"ec2:Describe*\"],"
            + "\"Resource\":\"*\"}]}";
    return calls
        .api(c, t, "sts.amazonaws.com", "GetFederationToken", region)
        .account(fed.account())
        .request(
            g -> {
              g.writeStringField("name", fed.name());
              g.writeNumberField("durationSeconds", 43200);
              g.writeStringField("policy", policy);
            })
        .response(
            g -> {
              g.writeObjectFieldStart("credentials");
              g.writeStringField("accessKeyId", fed.accessKeyId());
              g.writeStringField("sessionToken", token);
              g.writeStringField("expiration", Times.iam(expires));
              g.writeEndObject();
              g.writeObjectFieldStart("federatedUser");
              g.writeStringField("federatedUserId", fed.account() + ":" + fed.name());
              g.writeStringField("arn", fed.arn());
              g.writeEndObject();
              g.writeNumberField("packedPolicySize", 9);
            })
        .build();
  }

  private static void credentials(
      JsonGenerator g, Identity.AssumedRole session, String token, Instant expires)
      throws IOException {
    g.writeObjectFieldStart("credentials");
    g.writeStringField("accessKeyId", session.accessKeyId());
    g.writeStringField("sessionToken", token);
    g.writeStringField("expiration", Times.iam(expires));
    g.writeEndObject();
    g.writeObjectFieldStart("assumedRoleUser");
    g.writeStringField("assumedRoleId", session.roleId() + ":" + session.session());
    g.writeStringField("arn", session.arn());
    g.writeEndObject();
  }
}
