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

  private RecordCodec() {}

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

  /** The record, or null when it was written for other kept paths. */
  /** The record from its UTF-8 bytes, or null when it was written for other kept paths. */
  static EventRecord decode(byte[] json, Interner in) {
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
      String sourceType = text(p, in);
      String account = text(p, in);
      String region = text(p, in);
      String service = text(p, in);
      String api = text(p, in);
      JsonToken ro = p.nextToken();
      Boolean readOnly = ro == JsonToken.VALUE_NULL ? null : ro == JsonToken.VALUE_TRUE;
      String[] actor = new String[11];
      for (int i = 0; i < actor.length; i++) {
        actor[i] = text(p, in);
      }
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
      return new EventRecord(
          id,
          Instant.ofEpochSecond(second, nano),
          sourceType,
          account,
          region,
          service,
          api,
          readOnly,
          actor[0],
          actor[1],
          actor[2],
          actor[3],
          actor[4],
          actor[5],
          actor[6],
          actor[7],
          actor[8],
          actor[9],
          actor[10],
          resources,
          bytesOut,
          fields);
    } catch (IOException | RuntimeException e) {
      throw new StoreException("unreadable record column: " + e.getMessage(), e);
    }
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
