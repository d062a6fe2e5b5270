package io.trailhound.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Serialises a {@link Call} with the fields in the order CloudTrail writes them, straight to bytes
 * through one streaming generator per record (no trees).
 */
public final class RecordWriter {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Instant KEY_EXCHANGE_SINCE = Instant.parse("2025-06-01T00:00:00Z");

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);

  /** The record as UTF-8 JSON. */
  public byte[] bytes(Call c) {
    buffer.reset();
    try (JsonGenerator g = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
      write(g, c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static void write(JsonGenerator g, Call c) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventVersion", c.eventVersion());
    c.identity().write(g);
    g.writeStringField("eventTime", Times.iso(c.time()));
    g.writeStringField("eventSource", c.source());
    g.writeStringField("eventName", c.name());
    g.writeStringField("awsRegion", c.region());
    g.writeStringField("sourceIPAddress", c.sourceIp());
    g.writeStringField("userAgent", c.userAgent());
    if (c.errorCode() != null) {
      g.writeStringField("errorCode", c.errorCode());
    }
    if (c.errorMessage() != null) {
      g.writeStringField("errorMessage", c.errorMessage());
    }
    object(g, "requestParameters", c.request());
    object(g, "responseElements", c.response());
    if (c.additional() != null) {
      object(g, "additionalEventData", c.additional());
    }
    if (c.requestId() != null) {
      g.writeStringField("requestID", c.requestId());
    }
    g.writeStringField("eventID", c.eventId());
    g.writeBooleanField("readOnly", c.readOnly());
    if (!c.resources().isEmpty()) {
      g.writeArrayFieldStart("resources");
      for (Call.Resource r : c.resources()) {
        g.writeStartObject();
        if (r.account() != null) {
          g.writeStringField("accountId", r.account());
        }
        g.writeStringField("type", r.type());
        g.writeStringField("ARN", r.arn());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeStringField("eventType", c.eventType());
    g.writeBooleanField("managementEvent", "Management".equals(c.category()));
    g.writeStringField("recipientAccountId", c.account());
    if (c.serviceEventDetails() != null) {
      object(g, "serviceEventDetails", c.serviceEventDetails());
    }
    g.writeStringField("eventCategory", c.category());
    if (c.host() != null) {
      g.writeObjectFieldStart("tlsDetails");
      g.writeStringField("tlsVersion", "TLSv1.3");
      g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
      g.writeStringField("clientProvidedHostHeader", c.host());
      if (!c.time().isBefore(KEY_EXCHANGE_SINCE)) {
        g.writeStringField(
            "keyExchange", c.userAgent().startsWith("Mozilla") ? "x25519" : "X25519MLKEM768");
      }
      g.writeEndObject();
    }
    if (c.console()) {
      g.writeStringField("sessionCredentialFromConsole", "true");
    }
    g.writeEndObject();
  }

  private static void object(JsonGenerator g, String name, Body body) throws IOException {
    if (body == null) {
      g.writeNullField(name);
      return;
    }
    g.writeObjectFieldStart(name);
    body.fields(g);
    g.writeEndObject();
  }
}
