package io.trailhound.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code record} column: an event's {@link EventRecord} (what investigation needs of it) as a
 * compact JSON array, written on load. Investigations over the store read it instead of re-reading
 * the raw record through the scan's readers, which costs ten times as much per event: a footprint
 * of tens of thousands of events (a busy role flagged by a baseline) must come back in
 * milliseconds.
 *
 * <p>Layout: {@code [paths, id, epochSecond, nano, sourceType, account, region, service, api,
 * readOnly, errorCode, actorType, principalArn, userName, accessKeyId, issuerArn, sessionName,
 * sourceIdentity, invokedBy, ip, userAgent, [resources...], bytesOut, {fields}]}. {@code paths}
 * fingerprints {@link EventRecord#PATHS}: a record written when investigation kept other fields is
 * not used (the lookup reads that event's raw JSON instead), so a newer build never sees a stale
 * record.
 */
final class RecordCodec {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Fingerprint of the kept paths and the identity-provider email field (String and List hash codes
   * are specified, so stable): records written before the email was kept are read from raw JSON.
   */
  static final int PATHS = EventRecord.PATHS.hashCode() * 31 + EventRecord.EMAIL.hashCode();

  /** Hex digits of a caller key: 128 bits of SHA-256. */
  static final int KEY_CHARS = 32;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private RecordCodec() {}

  /**
   * A record split for storing: {@code record} is the row's record with its caller part (source
   * type to user agent) replaced by {@code callerKey}, {@code caller} that part's JSON elements,
   * stored once per key in the {@code callers} table.
   */
  record Split(String record, String callerKey, String caller) {}

  /**
   * The record in the caller-key layout {@code [paths, id, epochSecond, nano, "callerKey",
   * [resources...], bytesOut, {fields}]}. The key is 128 bits of SHA-256 of the caller part's
   * bytes: a busy actor's events share one caller part, which the store then keeps once instead of
   * in every row (about 500 of a record's 800 bytes), and a key names one caller part only (a
   * collision would need a SHA-256 collision on 128 bits, out of reach even for a crafted client
   * string).
   */
  static Split split(EventRecord r) {
    byte[] full = encode(r).getBytes(StandardCharsets.UTF_8);
    int callerStart = skip(full, 1, 4);
    int restStart = skip(full, callerStart, 17);
    if (callerStart < 0 || restStart < 0 || full[restStart] != '[') {
      throw new IllegalStateException("record layout changed: " + r.id());
    }
    String caller =
        new String(full, callerStart, restStart - 1 - callerStart, StandardCharsets.UTF_8);
    String key = key(full, callerStart, restStart - 1);
    StringBuilder b = new StringBuilder(full.length - (restStart - callerStart) + KEY_CHARS + 4);
    b.append(new String(full, 0, callerStart, StandardCharsets.UTF_8))
        .append('"')
        .append(key)
        .append("\",")
        .append(new String(full, restStart, full.length - restStart, StandardCharsets.UTF_8));
    return new Split(b.toString(), key, caller);
  }

  /** The caller key of bytes {@code [from, to)}: hex of the first 128 bits of their SHA-256. */
  static String key(byte[] b, int from, int to) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    sha.update(b, from, to - from);
    byte[] d = sha.digest();
    byte[] hex = new byte[KEY_CHARS];
    for (int i = 0; i < KEY_CHARS / 2; i++) {
      hex[2 * i] = HEX[(d[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[d[i] & 0xF];
    }
    return new String(hex, StandardCharsets.US_ASCII);
  }

  /**
   * The index after {@code n} scalar elements (string, number, true, false, null) and their commas
   * from {@code i}, or -1 when something else is there.
   */
  static int skip(byte[] b, int i, int n) {
    for (int k = 0; k < n; k++) {
      if (i < 0 || i >= b.length) {
        return -1;
      }
      if (b[i] == '"') {
        i++;
        while (i < b.length && b[i] != '"') {
          i += b[i] == '\\' ? 2 : 1;
        }
        i++;
      } else {
        int start = i;
        while (i < b.length && b[i] != ',' && b[i] != '[' && b[i] != '{' && b[i] != ']') {
          i++;
        }
        if (i == start) {
          return -1;
        }
      }
      if (i >= b.length || b[i] != ',') {
        return -1;
      }
      i++;
    }
    return i;
  }

  /**
   * The caller key of a record in the caller-key layout: the string right after the head, followed
   * by the resources array; null for a record of the full layout (whose 17 caller elements never
   * start with a string followed by an array).
   */
  static String callerKey(byte[] b, int callerStart) {
    int at = keyAt(b, callerStart);
    return at < 0 ? null : new String(b, at, KEY_CHARS, StandardCharsets.US_ASCII);
  }

  /**
   * Where the caller key of a record of the caller-key layout starts ({@link #KEY_CHARS} hex
   * digits, then {@code ",[}), or -1 for any other record.
   */
  static int keyAt(byte[] b, int callerStart) {
    int end = callerStart + 1 + KEY_CHARS;
    if (callerStart < 0
        || end + 2 >= b.length
        || b[callerStart] != '"'
        || b[end] != '"'
        || b[end + 1] != ','
        || b[end + 2] != '[') {
      return -1;
    }
    for (int i = callerStart + 1; i < end; i++) {
      if (!((b[i] >= '0' && b[i] <= '9') || (b[i] >= 'a' && b[i] <= 'f'))) {
        return -1;
      }
    }
    return callerStart + 1;
  }

  static String encode(EventRecord r) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartArray();
      g.writeNumber(PATHS);
      g.writeString(r.id());
      g.writeNumber(r.time().getEpochSecond());
      g.writeNumber(r.time().getNano());
      for (String s :
          new String[] {
            r.sourceType(), r.account(), r.region(), r.service(), r.api(),
          }) {
        g.writeString(s);
      }
      if (r.readOnly() == null) {
        g.writeNull();
      } else {
        g.writeBoolean(r.readOnly());
      }
      for (String s :
          new String[] {
            r.errorCode(),
            r.actorType(),
            r.principalArn(),
            r.userName(),
            r.accessKeyId(),
            r.issuerArn(),
            r.sessionName(),
            r.sourceIdentity(),
            r.invokedBy(),
            r.ip(),
            r.userAgent()
          }) {
        g.writeString(s);
      }
      g.writeStartArray();
      for (String arn : r.resources()) {
        g.writeString(arn);
      }
      g.writeEndArray();
      g.writeNumber(r.bytesOut());
      g.writeStartObject();
      for (Map.Entry<String, String> f : r.fields().entrySet()) {
        g.writeStringField(f.getKey(), f.getValue());
      }
      g.writeEndObject();
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The caller key of a record of the caller-key layout, or null (any other record). */
  static String callerKey(byte[] json) {
    return json.length > 0 && json[0] == '[' ? callerKey(json, skip(json, 1, 4)) : null;
  }

  /** Id and time of a record of either layout, or null when its head is not readable. */
  static Map.Entry<String, Instant> idAndTime(byte[] json) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p, JsonToken.START_ARRAY);
      p.nextToken();
      String id = text(p, null);
      p.nextToken();
      long second = p.getLongValue();
      p.nextToken();
      int nano = p.getIntValue();
      return id == null ? null : Map.entry(id, Instant.ofEpochSecond(second, nano));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The record from its UTF-8 bytes, or null when it was written for other kept paths or is of the
   * caller-key layout and {@code callers} does not know its key ({@code callers} answers the parsed
   * caller part, as {@link RecordDecoder} keeps it).
   */
  static EventRecord decode(
      byte[] json, Interner in, java.util.function.Function<String, String[]> callers) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p, JsonToken.START_ARRAY);
      if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != PATHS) {
        return null;
      }
      String id = text(p, null);
      p.nextToken();
      long second = p.getLongValue();
      p.nextToken();
      int nano = p.getIntValue();
      String key = callerKey(json);
      if (key != null) {
        String[] caller = callers.apply(key);
        if (caller == null) {
          return null;
        }
        p.nextToken();
        return rest(p, in, id, Instant.ofEpochSecond(second, nano), caller);
      }
      String[] caller = new String[17];
      for (int i = 0; i < caller.length; i++) {
        if (i == 5) {
          JsonToken ro = p.nextToken();
          caller[i] =
              ro == JsonToken.VALUE_NULL ? null : String.valueOf(ro == JsonToken.VALUE_TRUE);
        } else {
          caller[i] = text(p, in);
        }
      }
      return rest(p, in, id, Instant.ofEpochSecond(second, nano), caller);
    } catch (IOException | RuntimeException e) {
      throw new StoreException("unreadable record column: " + e.getMessage(), e);
    }
  }

  /** Resources, bytes out and fields from the parser's position, with the record's other parts. */
  private static EventRecord rest(
      JsonParser p, Interner in, String id, Instant time, String[] caller) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    List<String> resources = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      resources.add(in.intern(p.getText()));
    }
    p.nextToken();
    long bytesOut = p.getLongValue();
    expect(p, JsonToken.START_OBJECT);
    Map<String, String> fields = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      String value = p.getText();
      fields.put(name, name.endsWith("Document") ? value : in.intern(value));
    }
    return RecordDecoder.record(id, time, caller, resources, bytesOut, fields);
  }

  private static String text(JsonParser p, Interner in) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    return in == null ? p.getText() : in.intern(p.getText());
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    if (p.nextToken() != token) {
      throw new IOException("expected " + token + " at " + p.currentLocation());
    }
  }
}
