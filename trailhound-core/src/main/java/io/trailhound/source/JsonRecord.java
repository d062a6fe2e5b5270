package io.trailhound.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reading typed values out of one parsed record, with the bad-input rules every normaliser shares:
 * a required field that is absent, null or empty is {@link SkipReason#MISSING_FIELD}; one of the
 * wrong JSON type is {@link SkipReason#WRONG_TYPE}; a time that does not parse is {@link
 * SkipReason#INVALID_VALUE}. Optional fields of the wrong type read as absent: one odd field does
 * not cost the whole record.
 */
public final class JsonRecord {

  private JsonRecord() {}

  /** The node at a dotted path of objects, or null. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    int from = 0;
    while (node != null && from <= path.length()) {
      int dot = path.indexOf('.', from);
      String key = dot < 0 ? path.substring(from) : path.substring(from, dot);
      node = node.isObject() ? node.get(key) : null;
      if (dot < 0) {
        break;
      }
      from = dot + 1;
    }
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  /**
   * The member {@code name}, also when the source wrote it with its first letter in the other case
   * (GuardDuty's API answers {@code Resource}, its EventBridge events {@code resource}).
   */
  public static JsonNode member(JsonNode node, String name) {
    if (node == null || !node.isObject() || name.isEmpty()) {
      return null;
    }
    JsonNode v = node.get(name);
    if (v == null) {
      char c = name.charAt(0);
      char other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      v = node.get(other + name.substring(1));
    }
    return v == null || v.isNull() ? null : v;
  }

  /** {@link #member} along a dotted path. */
  public static JsonNode path(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = member(node, part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** A string or number as text; null when absent, null, empty or not a scalar. */
  public static String text(JsonNode node) {
    if (node == null || !(node.isTextual() || node.isNumber() || node.isBoolean())) {
      return null;
    }
    String s = node.asText();
    return s.isEmpty() ? null : s;
  }

  /** {@link #text} of the node at {@code path}. */
  public static String text(JsonNode root, String path) {
    return text(at(root, path));
  }

  /** A number, or a string holding one; null otherwise. */
  public static Double number(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        double d = Double.parseDouble(node.textValue().trim());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A boolean, or the strings {@code true}/{@code false}; null otherwise. */
  public static Boolean bool(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String s = node.textValue().trim();
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  /** A required string member of the record. */
  public static String required(JsonNode root, String path) throws RecordRejected {
    JsonNode node = at(root, path);
    if (node == null) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, path + " is missing");
    }
    if (!node.isTextual()) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, path + " is not a string");
    }
    if (node.textValue().isBlank()) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, path + " is empty");
    }
    return node.textValue();
  }

  /** A required time member: ISO-8601, with or without an offset (none means UTC). */
  public static Instant requiredTime(JsonNode root, String path) throws RecordRejected {
    Instant t = time(required(root, path));
    if (t == null) {
      throw new RecordRejected(SkipReason.INVALID_VALUE, path + " is not an ISO-8601 time");
    }
    return t;
  }

  /**
   * The earlier-named of two alternative time members (as {@code CreatedAt}/{@code UpdatedAt}), the
   * first that parses; {@link SkipReason#MISSING_FIELD} when both are absent, {@link
   * SkipReason#INVALID_VALUE} when those present do not parse.
   */
  public static java.time.Instant eitherTime(JsonNode a, String nameA, JsonNode b, String nameB)
      throws RecordRejected {
    Instant ta = time(text(a));
    if (ta != null) {
      return ta;
    }
    Instant tb = time(text(b));
    if (tb != null) {
      return tb;
    }
    if (a == null && b == null) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, nameA + " and " + nameB + " are missing");
    }
    throw new RecordRejected(SkipReason.INVALID_VALUE, nameA + " is not an ISO-8601 time");
  }

  /** Fails when the member at {@code path} is present, not null, and not an object. */
  public static void objectOrAbsent(JsonNode root, String path) throws RecordRejected {
    JsonNode node = at(root, path);
    if (node != null && !node.isObject()) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, path + " is not an object");
    }
  }

  /** Fails when the member at {@code path} is present, not null, and not an array. */
  public static void arrayOrAbsent(JsonNode root, String path) throws RecordRejected {
    JsonNode node = at(root, path);
    if (node != null && !node.isArray()) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, path + " is not an array");
    }
  }

  /**
   * Parses an ISO-8601 time: with an offset or {@code Z} ({@code 2024-01-15T10:12:33.1234567Z}), or
   * without one as the Management Activity API writes it ({@code 2024-01-15T10:12:33}), read as
   * UTC; a space for the {@code T} is accepted, as Python tools print times. Null otherwise.
   */
  public static Instant time(String text) {
    if (text == null || text.length() > 64) {
      return null;
    }
    String s = text.trim();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      // 2025-12-26 14:21:44.742000+01:00: how boto3 and Python tools print times
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // no offset: fall through
    }
    try {
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether an object has at least {@code n} of the given member names. */
  public static boolean hasAtLeast(java.util.Set<String> names, int n, String... wanted) {
    int found = 0;
    for (String w : wanted) {
      if (names.contains(w) && ++found >= n) {
        return true;
      }
    }
    return false;
  }

  /** The elements of an array node (nothing for anything else). */
  public static Iterable<JsonNode> elements(JsonNode node) {
    if (node == null || !node.isArray()) {
      return java.util.List.of();
    }
    return node::elements;
  }
}
