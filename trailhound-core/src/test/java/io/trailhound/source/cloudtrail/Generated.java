package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;

/** Big or many-record inputs generated from the small template fixtures, with Jackson. */
final class Generated {

  static final ObjectMapper JSON = new ObjectMapper();

  private Generated() {}

  static ObjectNode template(String name) {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.bytes(name));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String id(int n) {
    return String.format(Locale.ROOT, "2c000000-0000-4000-8000-%012d", n);
  }

  /** The template event with eventID {@link #id(int)}. */
  static ObjectNode event(int n) {
    ObjectNode e = template("bad/template-event.json");
    e.put("eventID", id(n));
    return e;
  }

  /** Writes {@code {"Records":[...]}} with {@code count} records made by {@code record}. */
  static Path records(Path file, int count, boolean gzip, IntFunction<ObjectNode> record)
      throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
        JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("Records");
      for (int i = 0; i < count; i++) {
        JSON.writeTree(g, record.apply(i));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return file;
  }

  /** Writes one record per line. */
  static Path lines(Path file, int count, IntFunction<ObjectNode> record) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < count; i++) {
        out.write(JSON.writeValueAsBytes(record.apply(i)));
        out.write('\n');
      }
    }
    return file;
  }
}
