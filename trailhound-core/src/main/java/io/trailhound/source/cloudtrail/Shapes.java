package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Recognises the shape of a JSON object and unwraps lookup-events entries and Lake rows. */
final class Shapes {

  /** What a top-level object is. */
  enum Shape {
    EVENT,
    EVENTBRIDGE,
    DIGEST,
    ENVELOPE,
    /** A record of another log type or a finding; {@link Kind#foreign} says which. */
    FOREIGN,
    UNKNOWN
  }

  /**
   * The shape, with the byte range of an EventBridge {@code detail} or the reason it is unknown.
   */
  record Kind(Shape shape, long detailStart, long detailEnd, String why, Foreign foreign) {

    Kind(Shape shape, long detailStart, long detailEnd, String why) {
      this(shape, detailStart, detailEnd, why, null);
    }

    boolean hasDetail() {
      return detailStart >= 0;
    }

    byte[] detail(byte[] bytes) {
      return Arrays.copyOfRange(bytes, (int) detailStart, (int) detailEnd);
    }

    private static final Kind EVENT = new Kind(Shape.EVENT, -1, -1, null);
    private static final Kind ENVELOPE = new Kind(Shape.ENVELOPE, -1, -1, null);
    private static final Kind DIGEST = new Kind(Shape.DIGEST, -1, -1, null);

    static Kind of(Shape shape) {
      return switch (shape) {
        case EVENT -> EVENT;
        case ENVELOPE -> ENVELOPE;
        case DIGEST -> DIGEST;
        default -> new Kind(shape, -1, -1, null);
      };
    }
  }

  /** First member names that mark a wrapper of many records. */
  static final Set<String> ENVELOPE_KEYS =
      Set.of(
          "Records",
          "Events",
          "QueryResultRows",
          "QueryStatus",
          "QueryStatistics",
          "NextToken",
          "ErrorMessage",
          // GuardDuty / Security Hub get-findings, Inspector list-findings, Graph pages
          "Findings",
          "findings",
          "value",
          "@odata.context",
          "@odata.nextLink");

  /** Member names only a CloudTrail event has (TrailDiscover metadata has eventName too). */
  private static final Set<String> EVENT_KEYS =
      Set.of("eventVersion", "eventTime", "eventID", "userIdentity");

  private static final byte[][] EVENT_KEY_BYTES =
      EVENT_KEYS.stream().map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  private static final Set<String> DIGEST_KEYS =
      Set.of("digestStartTime", "digestEndTime", "digestS3Object", "logFiles");

  private Shapes() {}

  static Kind classify(byte[] bytes, Jackson jackson) throws RecordException {
    invalidUtf8(bytes);
    if (firstNameIsAnEventKey(bytes)) {
      return Kind.of(Shape.EVENT);
    }
    try (JsonParser p = jackson.parser(bytes)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        return new Kind(
            Shape.UNKNOWN, -1, -1, "a JSON " + kindOf(t) + " is not a CloudTrail record");
      }
      String detailType = null;
      long start = -1;
      long end = -1;
      int digestKeys = 0;
      boolean first = true;
      Set<String> names = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        names.add(name);
        JsonToken v = p.nextToken();
        if (first && ENVELOPE_KEYS.contains(name)) {
          return Kind.of(Shape.ENVELOPE);
        }
        first = false;
        if (EVENT_KEYS.contains(name)) {
          return Kind.of(Shape.EVENT);
        }
        if ("detail-type".equals(name) && v == JsonToken.VALUE_STRING) {
          detailType = p.getText();
        } else if ("detail".equals(name) && v == JsonToken.START_OBJECT) {
          start = p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          end = p.currentLocation().getByteOffset();
        } else {
          if (DIGEST_KEYS.contains(name)) {
            digestKeys++;
          }
          p.skipChildren();
        }
      }
      if (detailType != null && start >= 0) {
        if (detailType.endsWith(" via CloudTrail")) {
          return new Kind(Shape.EVENTBRIDGE, start, end, null);
        }
        Foreign foreign = Foreign.ofDetailType(detailType);
        if (foreign != null) {
          return new Kind(Shape.FOREIGN, start, end, null, foreign);
        }
        return new Kind(Shape.UNKNOWN, -1, -1, "EventBridge event of an unknown kind");
      }
      if (digestKeys >= 2) {
        return Kind.of(Shape.DIGEST);
      }
      Foreign foreign = Foreign.of(names);
      if (foreign != null) {
        return new Kind(Shape.FOREIGN, -1, -1, null, foreign);
      }
      return new Kind(Shape.UNKNOWN, -1, -1, "JSON object of no known log or finding format");
    } catch (IOException e) {
      throw Jackson.classify(e);
    }
  }

  /**
   * Whether the object's first member name, read straight from the bytes (no escapes), is one only
   * events have: the answer the parser below gives first, without making a parser for each JSON
   * line. The parser would also read that member's value; a bad value fails the event's own parse
   * at the same place with the same error instead.
   */
  static boolean firstNameIsAnEventKey(byte[] b) {
    return firstNameIsAnEventKey(b, 0, b.length);
  }

  /** {@link #firstNameIsAnEventKey(byte[])} of the object at {@code b[from, n)}. */
  static boolean firstNameIsAnEventKey(byte[] b, int from, int n) {
    if (from >= n || b[from] != '{') {
      return false;
    }
    int i = from + 1;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    if (i >= n || b[i] != '"') {
      return false;
    }
    int start = ++i;
    while (i < n && b[i] != '"') {
      if (b[i] == '\\') {
        return false;
      }
      i++;
    }
    if (i >= n) {
      return false;
    }
    for (byte[] key : EVENT_KEY_BYTES) {
      if (Arrays.equals(b, start, i, key, 0, key.length)) {
        return true;
      }
    }
    return false;
  }

  private static String kindOf(JsonToken t) {
    if (t == JsonToken.START_ARRAY) {
      return "array";
    }
    return t == JsonToken.VALUE_STRING ? "string" : "scalar";
  }

  /**
   * The event inside a lookup-events entry: the UTF-8 bytes of its CloudTrailEvent string; or the
   * entry itself when it has no CloudTrailEvent but is an event (as in the documentation's Insights
   * examples).
   */
  static byte[] lookupEvent(byte[] bytes, Jackson jackson) throws RecordException {
    invalidUtf8(bytes);
    try (JsonParser p = jackson.lenient.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RecordException(SkipReason.WRONG_TYPE, "lookup-events entry is not an object");
      }
      boolean event = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        event |= EVENT_KEYS.contains(name);
        if ("CloudTrailEvent".equals(name)) {
          if (v != JsonToken.VALUE_STRING) {
            throw new RecordException(SkipReason.WRONG_TYPE, "CloudTrailEvent is not a string");
          }
          return p.getText().getBytes(StandardCharsets.UTF_8);
        }
        p.skipChildren();
      }
      if (event) {
        return bytes;
      }
      throw new RecordException(
          SkipReason.MISSING_FIELD, "lookup-events entry has no CloudTrailEvent");
    } catch (IOException e) {
      throw Jackson.classify(e);
    }
  }

  /**
   * Rebuilds an event from a Lake row: a list of single-member objects, one per column. A column
   * whose value is a string holding a JSON object (or an array of objects) is decoded; a column
   * named with a dotted path ({@code userIdentity.arn}) is put back at that path.
   */
  static byte[] lakeRow(byte[] bytes, Jackson jackson) throws RecordException {
    invalidUtf8(bytes);
    try (JsonParser p = jackson.lenient.createParser(bytes)) {
      JsonNode row = jackson.mapper.readTree(p);
      if (row == null || !row.isArray()) {
        throw new RecordException(SkipReason.WRONG_TYPE, "Lake row is not an array of columns");
      }
      ObjectNode event = jackson.mapper.createObjectNode();
      for (JsonNode column : row) {
        if (!column.isObject()) {
          throw new RecordException(SkipReason.WRONG_TYPE, "Lake column is not an object");
        }
        for (Map.Entry<String, JsonNode> e : column.properties()) {
          put(event, e.getKey(), decoded(e.getValue(), jackson));
        }
      }
      return jackson.mapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw Jackson.classify(e);
    }
  }

  private static JsonNode decoded(JsonNode value, Jackson jackson) {
    if (!value.isTextual()) {
      return value;
    }
    String s = value.textValue().strip();
    if (!s.startsWith("{") && !s.startsWith("[{")) {
      return value;
    }
    try {
      return jackson.mapper.readTree(s);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private static void put(ObjectNode event, String name, JsonNode value) {
    if (!PathTrie.plain(name) || name.indexOf('.') < 0) {
      event.set(name, value);
      return;
    }
    String[] parts = name.split("\\.");
    ObjectNode node = event;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }

  private static void invalidUtf8(byte[] bytes) throws RecordException {
    int bad = Utf8.firstInvalid(bytes);
    if (bad >= 0) {
      throw new RecordException(SkipReason.INVALID_UTF8, "invalid UTF-8 at byte " + bad);
    }
  }
}
