package io.trailhound.investigate;

import io.trailhound.event.Actor;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.FieldValue;
import io.trailhound.event.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compact copy of an event that investigations need: who (actor fields, key, session), from
 * where, what (service, API, outcome, resources), and the few request and response fields that link
 * credentials and reveal persistence. Kept for every event of a scan, so it holds no raw JSON.
 *
 * @param id event id
 * @param time event time
 * @param sourceType log type ({@code cloudtrail}, later {@code okta}, {@code entra}, ...)
 * @param account account that recorded the event
 * @param region region
 * @param service e.g. {@code iam.amazonaws.com}
 * @param api e.g. {@code CreateAccessKey}
 * @param readOnly null when the source did not say
 * @param errorCode null on success
 * @param actorType identity type
 * @param principalArn caller ARN
 * @param userName IAM user name or session issuer name
 * @param accessKeyId key that signed the call
 * @param issuerArn session issuer for temporary credentials
 * @param sessionName role session name
 * @param sourceIdentity {@code sts:SourceIdentity}
 * @param invokedBy AWS service calling on the principal's behalf
 * @param ip caller address (or service name)
 * @param userAgent client string (attacker-controlled)
 * @param resources resource ARNs named by the event, plus IAM/Lambda/S3 ARNs derived from the
 *     request
 * @param bytesOut {@code additionalEventData.bytesTransferredOut}, 0 when absent
 * @param fields the request and response fields of {@link #PATHS} that were present, by path
 */
public record EventRecord(
    String id,
    Instant time,
    String sourceType,
    String account,
    String region,
    String service,
    String api,
    Boolean readOnly,
    String errorCode,
    String actorType,
    String principalArn,
    String userName,
    String accessKeyId,
    String issuerArn,
    String sessionName,
    String sourceIdentity,
    String invokedBy,
    String ip,
    String userAgent,
    List<String> resources,
    long bytesOut,
    Map<String, String> fields) {

  /** Time, then event id: the order of every lookup's answer. */
  public static final java.util.Comparator<EventRecord> ORDER =
      (a, b) -> {
        // written out: sorting a busy actor's hundreds of thousands of records is hot, and the
        // composed key-extractor comparator costs twice as much
        int c = a.time.compareTo(b.time);
        return c != 0 ? c : a.id.compareTo(b.id);
      };

  /** Response field carrying temporary credentials issued by STS. */
  public static final String ISSUED_KEY = "responseElements.credentials.accessKeyId";

  /** Response field carrying a long-term key created by {@code CreateAccessKey}. */
  public static final String CREATED_KEY = "responseElements.accessKey.accessKeyId";

  /**
   * Instances named in an EC2 response ({@code RunInstances} launches them): every id is kept,
   * space-separated, where other paths keep their first value.
   */
  public static final String INSTANCES = "responseElements.instancesSet.items.instanceId";

  /**
   * Instances an SSM {@code SendCommand} runs a command on: every id is kept, space-separated, like
   * {@link #INSTANCES}. A command on an instance can read its role's credentials from the metadata
   * service.
   */
  public static final String COMMANDED = "requestParameters.instanceIds";

  /**
   * The target of an SSM {@code StartSession}: an instance id for an interactive shell on an EC2
   * instance, whose role credentials the shell can use.
   */
  public static final String SESSION_TARGET = "requestParameters.target";

  /**
   * The email an identity-provider record (Okta, Entra ID, Microsoft 365) names its user by: not a
   * raw path but the normalised actor's email, kept among the fields so every lookup carries it.
   */
  public static final String EMAIL = "actor.email";

  /** Raw paths kept when present (beyond the normalised view). */
  public static final List<String> PATHS =
      List.of(
          ISSUED_KEY,
          INSTANCES,
          COMMANDED,
          SESSION_TARGET,
          CREATED_KEY,
          "responseElements.accessKey.userName",
          "responseElements.assumedRoleUser.arn",
          "responseElements.subject",
          "responseElements.subjectType",
          "responseElements.subjectFromWebIdentityToken",
          "responseElements.provider",
          "responseElements.federatedUser.arn",
          "requestParameters.roleArn",
          "requestParameters.roleSessionName",
          "requestParameters.principalArn",
          "requestParameters.sourceIdentity",
          "requestParameters.userName",
          "requestParameters.roleName",
          "requestParameters.groupName",
          "requestParameters.policyArn",
          "requestParameters.policyName",
          "requestParameters.versionId",
          "requestParameters.setAsDefault",
          "requestParameters.policyDocument",
          "requestParameters.assumeRolePolicyDocument",
          "requestParameters.functionName",
          "requestParameters.principal",
          "requestParameters.instanceId",
          "requestParameters.attribute",
          "requestParameters.userData",
          "requestParameters.name",
          "requestParameters.nameQualifier",
          "requestParameters.url",
          "requestParameters.sAMLProviderArn",
          "requestParameters.openIDConnectProviderArn",
          "requestParameters.bucketName",
          "requestParameters.role",
          "requestParameters.iamInstanceProfile.arn",
          "requestParameters.iamInstanceProfile.name",
          "requestParameters.serviceRole",
          "requestParameters.executionRoleArn",
          "requestParameters.taskRoleArn",
          "requestParameters.accessKeyId",
          "requestParameters.status",
          "userIdentity.onBehalfOf.userId",
          "userIdentity.onBehalfOf.identityStoreArn",
          "additionalEventData.MFAUsed",
          "additionalEventData.bytesTransferredOut");

  public EventRecord {
    resources = List.copyOf(resources);
    fields = Map.copyOf(fields);
  }

  /** True when the call failed. */
  public boolean failed() {
    return errorCode != null;
  }

  /** True when the request passes an IAM role to a service (what {@code iam:PassRole} allows). */
  public boolean passesRole() {
    return fields.containsKey("requestParameters.role")
        || fields.containsKey("requestParameters.iamInstanceProfile.arn")
        || fields.containsKey("requestParameters.iamInstanceProfile.name")
        || fields.containsKey("requestParameters.serviceRole")
        || fields.containsKey("requestParameters.executionRoleArn")
        || fields.containsKey("requestParameters.taskRoleArn")
        || (fields.containsKey("requestParameters.roleArn")
            && !"sts.amazonaws.com".equals(service));
  }

  /** A kept request or response field, or null. */
  public String field(String path) {
    return fields.get(path);
  }

  /** Compact copy of {@code event}; {@code interner} shares the many repeated strings. */
  public static EventRecord of(Event event, Interner interner) {
    EventView v = event.view();
    Actor a = v.actor();
    Map<String, String> kept = new TreeMap<>();
    for (String path : PATHS) {
      String value =
          path.equals(INSTANCES) || path.equals(COMMANDED) ? all(event, path) : first(event, path);
      if (value != null) {
        kept.put(path, path.endsWith("Document") ? value : interner.intern(value));
      }
    }
    if (a.email() != null) {
      kept.put(EMAIL, interner.intern(a.email()));
    }
    Set<String> resources = new LinkedHashSet<>();
    for (Resource r : v.resources()) {
      if (r.arn() != null) {
        resources.add(interner.intern(r.arn()));
      }
    }
    DerivedResources.add(v.account(), v.region(), kept, resources, interner);
    long bytes = 0;
    String out = kept.remove("additionalEventData.bytesTransferredOut");
    if (out != null) {
      try {
        bytes = (long) Double.parseDouble(out);
      } catch (NumberFormatException e) {
        bytes = 0;
      }
    }
    return new EventRecord(
        v.eventId(),
        v.time(),
        interner.intern(event.sourceType()),
        interner.intern(v.account()),
        interner.intern(v.region()),
        interner.intern(v.service()),
        interner.intern(v.api()),
        v.readOnly(),
        v.outcome().success() ? null : interner.intern(nonNull(v.outcome().errorCode())),
        interner.intern(a.type()),
        interner.intern(a.principalArn()),
        interner.intern(a.userName()),
        interner.intern(a.accessKeyId()),
        interner.intern(a.sessionIssuerArn()),
        interner.intern(a.sessionName()),
        interner.intern(a.sourceIdentity()),
        interner.intern(a.invokedBy()),
        interner.intern(v.source().ip()),
        interner.intern(v.source().userAgent()),
        new ArrayList<>(resources),
        bytes,
        kept);
  }

  private static String nonNull(String code) {
    return code == null ? "Failed" : code;
  }

  private static String all(FieldAccess f, String path) {
    StringBuilder b = new StringBuilder();
    for (FieldValue value : f.values(path)) {
      String text = value.text();
      if (text != null && !text.isEmpty() && text.indexOf(' ') < 0) {
        b.append(b.length() == 0 ? "" : " ").append(text);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static String first(FieldAccess f, String path) {
    for (FieldValue value : f.values(path)) {
      String text = value.text();
      if (text != null) {
        return text;
      }
    }
    return null;
  }
}
