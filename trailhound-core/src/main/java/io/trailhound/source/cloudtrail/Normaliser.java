package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.FieldValue;
import io.trailhound.event.Outcome;
import io.trailhound.event.Resource;
import io.trailhound.source.SkipReason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a CloudTrail record's fields into the typed {@link EventView}. */
final class Normaliser {

  /** Prefix of ids synthesised from the raw bytes when a record has no {@code eventID}. */
  static final String SYNTHETIC_PREFIX = "sha256:";

  /** The paths the normaliser reads; the capture always covers them. */
  static final Set<String> PATHS =
      Set.of(
          "eventID",
          "eventTime",
          "eventSource",
          "eventName",
          "insightDetails.eventSource",
          "insightDetails.eventName",
          "recipientAccountId",
          "awsRegion",
          "eventType",
          "eventCategory",
          "readOnly",
          "errorCode",
          "errorMessage",
          "responseElements.ConsoleLogin",
          "additionalEventData.MFAUsed",
          "userIdentity",
          "userIdentity.type",
          "userIdentity.arn",
          "userIdentity.principalId",
          "userIdentity.accountId",
          "userIdentity.userName",
          "userIdentity.accessKeyId",
          "userIdentity.invokedBy",
          "userIdentity.onBehalfOf.userId",
          "userIdentity.sessionContext.sessionIssuer.userName",
          "userIdentity.sessionContext.sessionIssuer.arn",
          "userIdentity.sessionContext.sessionIssuer.type",
          "userIdentity.sessionContext.attributes.mfaAuthenticated",
          "userIdentity.sessionContext.sourceIdentity",
          "sourceIPAddress",
          "userAgent",
          "tlsDetails.tlsVersion",
          "tlsDetails.cipherSuite",
          "tlsDetails.clientProvidedHostHeader",
          "vpcEndpointId");

  /**
   * Insights events name the API they measured in {@code insightDetails}; it becomes the view's
   * service and api.
   */
  private static final String INSIGHT = "AwsCloudTrailInsight";

  /** Top-level members captured whole, as small trees. */
  static final Set<String> SUBTREES = Set.of("resources");

  /** The view, and whether its id was synthesised (such ids are not deduplicated). */
  record Normalised(EventView view, boolean syntheticId) {}

  private Normaliser() {}

  static Normalised normalise(FieldAccess f, JsonNode resources, byte[] raw)
      throws RecordException {
    String timeText = required(f, "eventTime");
    boolean insight = INSIGHT.equals(text(f, "eventType")) && f.values("eventSource").isEmpty();
    String service = required(f, insight ? "insightDetails.eventSource" : "eventSource");
    String api = required(f, insight ? "insightDetails.eventName" : "eventName");
    Instant time = Times.parse(timeText);
    if (time == null) {
      throw new RecordException(SkipReason.INVALID_VALUE, "eventTime is not an ISO-8601 time");
    }
    container(f, "userIdentity");
    if (resources != null && !resources.isArray() && !resources.isNull()) {
      throw new RecordException(SkipReason.WRONG_TYPE, "resources is not an array");
    }
    String id = text(f, "eventID");
    boolean synthetic = id == null;
    if (synthetic) {
      id = syntheticId(raw);
    }
    Actor actor = actor(f, service);
    String account = text(f, "recipientAccountId");
    EventView view =
        new EventView(
            id,
            time,
            account != null ? account : actor.account(),
            text(f, "awsRegion"),
            service,
            api,
            text(f, "eventType"),
            text(f, "eventCategory"),
            bool(f, "readOnly"),
            outcome(f, api),
            actor,
            endpoint(f),
            resources(resources));
    return new Normalised(view, synthetic);
  }

  private static Actor actor(FieldAccess f, String service) {
    String type = text(f, "userIdentity.type");
    String arn = text(f, "userIdentity.arn");
    String principalId = text(f, "userIdentity.principalId");
    String account = text(f, "userIdentity.accountId");
    String issuerName = text(f, "userIdentity.sessionContext.sessionIssuer.userName");
    String userName = text(f, "userIdentity.userName");
    if ("AssumedRole".equals(type) && issuerName != null) {
      userName = issuerName;
    }
    String[] arnParts = arnResource(arn);
    if (userName == null && arnParts.length == 2 && "federated-user".equals(arnParts[0])) {
      userName = arnParts[1];
    }
    if (principalId == null) {
      principalId = text(f, "userIdentity.onBehalfOf.userId");
    }
    if (account == null && "Root".equals(type)) {
      account = principalId;
    }
    String sessionName =
        arnParts.length >= 3 && "assumed-role".equals(arnParts[0]) ? arnParts[2] : null;
    return new Actor(
        type,
        arn,
        principalId,
        account,
        userName,
        text(f, "userIdentity.accessKeyId"),
        text(f, "userIdentity.sessionContext.sessionIssuer.arn"),
        text(f, "userIdentity.sessionContext.sessionIssuer.type"),
        sessionName,
        mfa(f, service),
        text(f, "userIdentity.sessionContext.sourceIdentity"),
        text(f, "userIdentity.invokedBy"));
  }

  /** {@code assumed-role/Role/session} of an ARN, split on '/' (at most three parts). */
  private static String[] arnResource(String arn) {
    if (arn == null) {
      return new String[0];
    }
    int colons = 0;
    for (int i = 0; i < arn.length(); i++) {
      if (arn.charAt(i) == ':' && ++colons == 5) {
        return arn.substring(i + 1).split("/", 3);
      }
    }
    return new String[0];
  }

  private static Boolean mfa(FieldAccess f, String service) {
    String used = text(f, "additionalEventData.MFAUsed");
    if ("signin.amazonaws.com".equals(service) && used != null) {
      return "yes".equals(used.toLowerCase(Locale.ROOT));
    }
    return bool(f, "userIdentity.sessionContext.attributes.mfaAuthenticated");
  }

  private static Outcome outcome(FieldAccess f, String api) {
    String code = text(f, "errorCode");
    String message = text(f, "errorMessage");
    boolean failedLogin =
        "ConsoleLogin".equals(api) && "Failure".equals(text(f, "responseElements.ConsoleLogin"));
    if (code == null && message == null && !failedLogin) {
      return Outcome.SUCCESS;
    }
    return new Outcome(false, code, message);
  }

  private static Endpoint endpoint(FieldAccess f) {
    String version = text(f, "tlsDetails.tlsVersion");
    String cipher = text(f, "tlsDetails.cipherSuite");
    String host = text(f, "tlsDetails.clientProvidedHostHeader");
    Endpoint.Tls tls =
        version == null && cipher == null && host == null
            ? null
            : new Endpoint.Tls(version, cipher, host);
    return new Endpoint(
        text(f, "sourceIPAddress"), text(f, "userAgent"), tls, text(f, "vpcEndpointId"));
  }

  private static List<Resource> resources(JsonNode node) {
    if (node == null || !node.isArray()) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>(node.size());
    for (JsonNode r : node) {
      if (r.isObject()) {
        String arn = nodeText(r.get("ARN"));
        out.add(
            new Resource(
                arn != null ? arn : nodeText(r.get("arn")),
                nodeText(r.get("type")),
                nodeText(r.get("accountId"))));
      }
    }
    return out;
  }

  private static String nodeText(JsonNode n) {
    return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
  }

  private static String required(FieldAccess f, String path) throws RecordException {
    List<FieldValue> values = f.values(path);
    if (values.isEmpty() || values.get(0) == FieldValue.Null.INSTANCE) {
      throw new RecordException(SkipReason.MISSING_FIELD, path + " is missing");
    }
    if (values.size() != 1 || !(values.get(0) instanceof FieldValue.Text t)) {
      throw new RecordException(SkipReason.WRONG_TYPE, path + " is not a string");
    }
    if (t.value().isEmpty()) {
      throw new RecordException(SkipReason.MISSING_FIELD, path + " is empty");
    }
    return t.value();
  }

  private static void container(FieldAccess f, String path) throws RecordException {
    for (FieldValue v : f.values(path)) {
      if (v instanceof FieldValue.Text
          || v instanceof FieldValue.Num
          || v instanceof FieldValue.Bool) {
        throw new RecordException(SkipReason.WRONG_TYPE, path + " is not an object");
      }
    }
  }

  private static String text(FieldAccess f, String path) {
    List<FieldValue> values = f.values(path);
    String text = values.isEmpty() ? null : values.get(0).text();
    return text == null || text.isEmpty() ? null : text;
  }

  private static Boolean bool(FieldAccess f, String path) {
    List<FieldValue> values = f.values(path);
    if (values.isEmpty()) {
      return null;
    }
    FieldValue v = values.get(0);
    if (v instanceof FieldValue.Bool b) {
      return b.value();
    }
    if (v instanceof FieldValue.Text t) {
      String s = t.value().toLowerCase(Locale.ROOT);
      return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }
    return null;
  }

  static String syntheticId(byte[] raw) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
      return SYNTHETIC_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
