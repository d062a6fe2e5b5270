package io.trailhound.finding.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.event.Resource;
import io.trailhound.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** Small helpers shared by the JSON writers. */
public final class Json {

  static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    return g;
  }

  /** Writes one finding as one JSON object. */
  @FunctionalInterface
  interface ObjectWriter {
    void write(JsonGenerator g, Finding f) throws IOException;
  }

  /** JSON lines: each finding through {@code one}, one per line. */
  static void lines(List<Finding> findings, Writer out, ObjectWriter one) throws IOException {
    for (Finding f : findings) {
      try (JsonGenerator g = generator(out)) {
        one.write(g, f);
      }
      out.write('\n');
    }
  }

  static void stringOrNull(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  static void stringIfPresent(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  /** A field holding an array of strings. */
  public static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static void time(JsonGenerator g, String field, Instant t) throws IOException {
    stringOrNull(g, field, t == null ? null : t.toString());
  }

  static void resources(JsonGenerator g, String field, List<Resource> resources)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Resource r : resources) {
      g.writeStartObject();
      stringOrNull(g, "arn", r.arn());
      stringOrNull(g, "type", r.type());
      stringOrNull(g, "account", r.account());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
