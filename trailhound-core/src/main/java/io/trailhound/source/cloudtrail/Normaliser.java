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
import java.util.Objects;
import java.util.Set;

/** Turns a CloudTrail record's fields into the typed {@link EventView}. */
final class Normaliser {

  /** Prefix of ids synthesised from the raw bytes when a record has no {@code eventID}. */
  static final String SYNTHETIC_PREFIX = "sha256:";

  /**
   * The paths the normaliser reads, in the order of the indexes it reads them by; the capture
   * always covers them.
   */
  static final List<String> PATH_LIST =
      List.of(
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

  /** The paths the normaliser reads; the capture always covers them. */
  static final Set<String> PATHS = Set.copyOf(PATH_LIST);

  /**
   * The normaliser's paths whose values repeat from record to record and become the keys findings
   * and correlations group and share by: read through a {@link ValueCache}, so equal values are one
   * String whose hash is computed once. Ids, times and messages are unique and not worth caching.
   */
  static final Set<String> SHARED =
      PATHS.stream()
          .filter(p -> !Set.of("eventID", "eventTime", "errorMessage").contains(p))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final int EVENT_ID = 0;
  private static final int EVENT_TIME = 1;
  private static final int EVENT_SOURCE = 2;
  private static final int EVENT_NAME = 3;
  private static final int INSIGHT_DETAILS_EVENT_SOURCE = 4;
  private static final int INSIGHT_DETAILS_EVENT_NAME = 5;
  private static final int RECIPIENT_ACCOUNT_ID = 6;
  private static final int AWS_REGION = 7;
  private static final int EVENT_TYPE = 8;
  private static final int EVENT_CATEGORY = 9;
  private static final int READ_ONLY = 10;
  private static final int ERROR_CODE = 11;
  private static final int ERROR_MESSAGE = 12;
  private static final int CONSOLE_LOGIN_RESULT = 13;
  private static final int MFA_USED = 14;
  private static final int USER_IDENTITY = 15;
  private static final int IDENTITY_TYPE = 16;
  private static final int IDENTITY_ARN = 17;
  private static final int IDENTITY_PRINCIPAL_ID = 18;
  private static final int IDENTITY_ACCOUNT_ID = 19;
  private static final int IDENTITY_USER_NAME = 20;
  private static final int IDENTITY_ACCESS_KEY_ID = 21;
  private static final int IDENTITY_INVOKED_BY = 22;
  private static final int IDENTITY_ON_BEHALF_OF = 23;
  private static final int ISSUER_USER_NAME = 24;
  private static final int ISSUER_ARN = 25;
  private static final int ISSUER_TYPE = 26;
  private static final int SESSION_MFA = 27;
  private static final int SESSION_SOURCE_IDENTITY = 28;
  private static final int SOURCE_IP = 29;
  private static final int USER_AGENT = 30;
  private static final int TLS_VERSION = 31;
  private static final int TLS_CIPHER = 32;
  private static final int TLS_HOST = 33;
  private static final int VPC_ENDPOINT_ID = 34;

  /**
   * The values of the normaliser's paths by index into {@link #PATH_LIST}: a capture answers by
   * slot, without looking a path up by name for each of the thirty-odd fields of every record.
   */
  interface Fields {
    List<FieldValue> values(int path);

    /** The first value of a path, or null when it has none. */
    default FieldValue first(int path) {
      List<FieldValue> values = values(path);
      return values.isEmpty() ? null : values.get(0);
    }

    /** How many values a path has. */
    default int count(int path) {
      return values(path).size();
    }

    /**
     * The remembered {@code userIdentity} the record's values under it came from (see {@link
     * Memo#actor}), or null.
     */
    default Memo memo() {
      return null;
    }

    /** Over any field access, by path name (the tree of a record with duplicate names). */
    static Fields of(FieldAccess f) {
      return i -> f.values(PATH_LIST.get(i));
    }

    /**
     * Over a capture, by slot: the first value and the count are read without building the list a
     * rule reads, which for ids and times no rule may ever ask for.
     */
    static Fields of(Capture capture, int[] slots) {
      return new Fields() {
        @Override
        public List<FieldValue> values(int path) {
          return capture.values(slots[path]);
        }

        @Override
        public FieldValue first(int path) {
          return capture.first(slots[path]);
        }

        @Override
        public int count(int path) {
          return capture.count(slots[path]);
        }

        @Override
        public Memo memo() {
          return capture.memo();
        }
      };
    }
  }

  /**
   * Insights events name the API they measured in {@code insightDetails}; it becomes the view's
   * service and api.
   */
  private static final String INSIGHT = "AwsCloudTrailInsight";

  /**
   * Top-level objects that repeat byte for byte across records: every call of a session carries the
   * same {@code userIdentity} (about a third of a record's bytes and a dozen of the values read
   * here), and routine calls repeat their parameters and responses. The byte-level capture
   * remembers what it captured from recent ones (see {@link PathTrie#memo}). Objects that rarely
   * repeat ({@code additionalEventData} carries a request's own ids) would only cost the copy.
   */
  static final Set<String> MEMO = Set.of("userIdentity", "requestParameters", "responseElements");

  /** The remembered object whose records share an actor (see {@link Memo#actor}). */
  static final String IDENTITY = "userIdentity";

  /** Top-level members captured whole, as small trees. */
  static final Set<String> SUBTREES = Set.of("resources");

  /** The view, and whether its id was synthesised (such ids are not deduplicated). */
  record Normalised(EventView view, boolean syntheticId) {}

  private Normaliser() {}

  static Normalised normalise(Fields f, JsonNode resources, byte[] raw) throws RecordException {
    Head head = head(f);
    if (resources != null && !resources.isArray() && !resources.isNull()) {
      throw new RecordException(SkipReason.WRONG_TYPE, "resources is not an array");
    }
    return normalise(f, head, resources(resources), raw);
  }

  /**
   * {@code resources}: what the record's resources array names, already read (null when the record
   * has none).
   */
  static Normalised normalise(Fields f, List<Resource> resources, byte[] raw)
      throws RecordException {
    return normalise(f, head(f), resources, raw);
  }

  /** The fields every record must have, checked before anything else is read. */
  private record Head(Instant time, String service, String api) {}

  private static Head head(Fields f) throws RecordException {
    String timeText = required(f, EVENT_TIME);
    boolean insight = INSIGHT.equals(text(f, EVENT_TYPE)) && f.count(EVENT_SOURCE) == 0;
    String service = required(f, insight ? INSIGHT_DETAILS_EVENT_SOURCE : EVENT_SOURCE);
    String api = required(f, insight ? INSIGHT_DETAILS_EVENT_NAME : EVENT_NAME);
    Instant time = Times.parse(timeText);
    if (time == null) {
      throw new RecordException(SkipReason.INVALID_VALUE, "eventTime is not an ISO-8601 time");
    }
    container(f, USER_IDENTITY);
    return new Head(time, service, api);
  }

  private static Normalised normalise(Fields f, Head head, List<Resource> resources, byte[] raw) {
    String service = head.service();
    String api = head.api();
    String id = text(f, EVENT_ID);
    boolean synthetic = id == null;
    if (synthetic) {
      id = syntheticId(raw);
    }
    Actor actor = actor(f, service);
    String account = text(f, RECIPIENT_ACCOUNT_ID);
    EventView view =
        new EventView(
            id,
            head.time(),
            account != null ? account : actor.account(),
            text(f, AWS_REGION),
            service,
            api,
            text(f, EVENT_TYPE),
            text(f, EVENT_CATEGORY),
            bool(f, READ_ONLY),
            outcome(f, api),
            actor,
            endpoint(f),
            resources == null ? List.of() : resources);
    return new Normalised(view, synthetic);
  }

  /**
   * The actor; shared by the records whose {@code userIdentity} is one remembered object, as long
   * as their MFA flag (which a sign-in takes from outside it) is the same.
   */
  private static Actor actor(Fields f, String service) {
    Memo memo = f.memo();
    Boolean signIn = signInMfa(f, service);
    if (memo == null) {
      return actor(f, signIn != null ? signIn : bool(f, SESSION_MFA));
    }
    Actor actor = memo.actor;
    if (actor == null) {
      memo.sessionMfa = bool(f, SESSION_MFA);
    }
    Boolean mfa = signIn != null ? signIn : memo.sessionMfa;
    if (actor == null || !Objects.equals(actor.mfa(), mfa)) {
      actor = actor(f, mfa);
      memo.actor = actor;
    }
    return actor;
  }

  private static Actor actor(Fields f, Boolean mfa) {
    String type = text(f, IDENTITY_TYPE);
    String arn = text(f, IDENTITY_ARN);
    String principalId = text(f, IDENTITY_PRINCIPAL_ID);
    String account = text(f, IDENTITY_ACCOUNT_ID);
    String issuerName = text(f, ISSUER_USER_NAME);
    String userName = text(f, IDENTITY_USER_NAME);
    if ("AssumedRole".equals(type) && issuerName != null) {
      userName = issuerName;
    }
    int resource = arnResource(arn);
    if (userName == null && resource >= 0 && arn.startsWith(FEDERATED, resource)) {
      int name = resource + FEDERATED.length();
      if (arn.indexOf('/', name) < 0) {
        userName = arn.substring(name);
      }
    }
    if (principalId == null) {
      principalId = text(f, IDENTITY_ON_BEHALF_OF);
    }
    if (account == null && "Root".equals(type)) {
      account = principalId;
    }
    String sessionName = null;
    if (resource >= 0 && arn.startsWith(ASSUMED_ROLE, resource)) {
      int slash = arn.indexOf('/', resource + ASSUMED_ROLE.length());
      sessionName = slash < 0 ? null : arn.substring(slash + 1);
    }
    return new Actor(
        type,
        arn,
        principalId,
        account,
        userName,
        text(f, IDENTITY_ACCESS_KEY_ID),
        text(f, ISSUER_ARN),
        text(f, ISSUER_TYPE),
        sessionName,
        mfa,
        text(f, SESSION_SOURCE_IDENTITY),
        text(f, IDENTITY_INVOKED_BY));
  }

  private static final String FEDERATED = "federated-user/";
  private static final String ASSUMED_ROLE = "assumed-role/";

  /**
   * Where the resource part of an ARN starts (after its fifth colon: {@code
   * assumed-role/Role/session}, {@code federated-user/name}), or -1.
   */
  private static int arnResource(String arn) {
    if (arn == null) {
      return -1;
    }
    int at = -1;
    for (int colons = 0; colons < 5; colons++) {
      at = arn.indexOf(':', at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at + 1;
  }

  /**
   * Whether a console sign-in used MFA ({@code additionalEventData.MFAUsed}); null for any other
   * record, whose flag is the session's ({@code mfaAuthenticated}).
   */
  private static Boolean signInMfa(Fields f, String service) {
    String used = text(f, MFA_USED);
    if (used != null && "signin.amazonaws.com".equals(service)) {
      return lowerEquals(used, "yes");
    }
    return null;
  }

  private static Outcome outcome(Fields f, String api) {
    String code = text(f, ERROR_CODE);
    String message = text(f, ERROR_MESSAGE);
    boolean failedLogin =
        "ConsoleLogin".equals(api) && "Failure".equals(text(f, CONSOLE_LOGIN_RESULT));
    if (code == null && message == null && !failedLogin) {
      return Outcome.SUCCESS;
    }
    return new Outcome(false, code, message);
  }

  private static Endpoint endpoint(Fields f) {
    String version = text(f, TLS_VERSION);
    String cipher = text(f, TLS_CIPHER);
    String host = text(f, TLS_HOST);
    Endpoint.Tls tls =
        version == null && cipher == null && host == null
            ? null
            : new Endpoint.Tls(version, cipher, host);
    return new Endpoint(text(f, SOURCE_IP), text(f, USER_AGENT), tls, text(f, VPC_ENDPOINT_ID));
  }

  /** The resources of a record's {@code resources} tree (null when it has none). */
  static List<Resource> resources(JsonNode node) {
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

  private static String required(Fields f, int path) throws RecordException {
    FieldValue first = f.first(path);
    if (first == null || first == FieldValue.Null.INSTANCE) {
      throw new RecordException(SkipReason.MISSING_FIELD, PATH_LIST.get(path) + " is missing");
    }
    if (f.count(path) != 1 || !(first instanceof FieldValue.Text t)) {
      throw new RecordException(SkipReason.WRONG_TYPE, PATH_LIST.get(path) + " is not a string");
    }
    if (t.value().isEmpty()) {
      throw new RecordException(SkipReason.MISSING_FIELD, PATH_LIST.get(path) + " is empty");
    }
    return t.value();
  }

  private static void container(Fields f, int path) throws RecordException {
    for (FieldValue v : f.values(path)) {
      if (v instanceof FieldValue.Text
          || v instanceof FieldValue.Num
          || v instanceof FieldValue.Bool) {
        throw new RecordException(SkipReason.WRONG_TYPE, PATH_LIST.get(path) + " is not an object");
      }
    }
  }

  private static String text(Fields f, int path) {
    FieldValue first = f.first(path);
    String text = first == null ? null : first.text();
    return text == null || text.isEmpty() ? null : text;
  }

  private static Boolean bool(Fields f, int path) {
    FieldValue v = f.first(path);
    if (v == null) {
      return null;
    }
    if (v instanceof FieldValue.Bool b) {
      return b.value();
    }
    if (v instanceof FieldValue.Text t) {
      String s = t.value();
      return lowerEquals(s, "true") ? Boolean.TRUE : lowerEquals(s, "false") ? Boolean.FALSE : null;
    }
    return null;
  }

  /**
   * Whether {@code s.toLowerCase(Locale.ROOT)} equals the ASCII lower-case word {@code lower},
   * without making the lower-case copy: no character outside ASCII lower-cases to a letter of the
   * words compared here (the Kelvin sign's {@code k} is in none of them).
   */
  private static boolean lowerEquals(String s, String lower) {
    int n = lower.length();
    if (s.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
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
