package io.trailhound.event;

/**
 * Who made a call, normalised from CloudTrail's {@code userIdentity} or from an identity log's
 * actor (Okta {@code actor}, Entra and Microsoft 365 user). Every component may be null when the
 * source did not say.
 *
 * @param type identity type as the source names it ({@code IAMUser}, {@code AssumedRole}, {@code
 *     Root}, {@code AWSService}, ...)
 * @param principalArn ARN of the principal ({@code userIdentity.arn})
 * @param principalId {@code userIdentity.principalId}
 * @param account account that owns the principal
 * @param userName user name, or the session issuer's name for role sessions
 * @param accessKeyId the access key that signed the request
 * @param sessionIssuerArn for temporary credentials, the role or user that issued them
 * @param sessionIssuerType {@code Role}, {@code IAMUser} or {@code Root}
 * @param sessionName role session name (the part after the role in an assumed-role ARN)
 * @param mfa whether the session was MFA-authenticated (sign-ins: whether MFA was used)
 * @param sourceIdentity {@code sts:SourceIdentity} carried through role chains
 * @param invokedBy AWS service that made the call on the principal's behalf
 * @param email the person's sign-in name where the source logs one: Okta {@code alternateId}, Entra
 *     and Microsoft 365 user principal name. It is the key that links an identity-provider user to
 *     AWS federation (SAML {@code NameID}, IAM Identity Center session names). Null for CloudTrail.
 */
public record Actor(
    String type,
    String principalArn,
    String principalId,
    String account,
    String userName,
    String accessKeyId,
    String sessionIssuerArn,
    String sessionIssuerType,
    String sessionName,
    Boolean mfa,
    String sourceIdentity,
    String invokedBy,
    String email) {

  /** An actor about whom the source said nothing. */
  public static final Actor UNKNOWN =
      new Actor(null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** An actor without an email, as CloudTrail logs them. */
  public Actor(
      String type,
      String principalArn,
      String principalId,
      String account,
      String userName,
      String accessKeyId,
      String sessionIssuerArn,
      String sessionIssuerType,
      String sessionName,
      Boolean mfa,
      String sourceIdentity,
      String invokedBy) {
    this(
        type,
        principalArn,
        principalId,
        account,
        userName,
        accessKeyId,
        sessionIssuerArn,
        sessionIssuerType,
        sessionName,
        mfa,
        sourceIdentity,
        invokedBy,
        null);
  }

  /**
   * The most specific name a person would recognise: ARN, then invoking service, then sign-in name,
   * then user name, then key.
   */
  public String display() {
    if (principalArn != null) {
      return principalArn;
    }
    if (invokedBy != null) {
      return invokedBy;
    }
    if (email != null) {
      return email;
    }
    if (userName != null) {
      return userName;
    }
    if (accessKeyId != null) {
      return accessKeyId;
    }
    if (principalId != null) {
      return principalId;
    }
    return type == null ? "unknown" : type;
  }
}
