package io.trailhound.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.Origin;
import io.trailhound.event.TreeFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds CloudTrail {@link Event}s for tests from JSON trees, with a minimal view (the real reader
 * lives elsewhere): rules only read fields.
 */
public final class TestEvents {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestEvents() {}

  /** An event of source type {@code cloudtrail} over {@code record}. */
  public static Event cloudTrail(JsonNode record) {
    return of("cloudtrail", record, "test", 0);
  }

  /** An event from a map as read from a YAML fixture. */
  public static Event cloudTrail(Map<?, ?> record) {
    JsonNode tree = MAPPER.valueToTree(record);
    return cloudTrail(tree);
  }

  public static Event of(String sourceType, JsonNode record, String location, long index) {
    byte[] raw;
    try {
      raw = MAPPER.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EventView view =
        new EventView(
            text(record, "eventID", location + "#" + index),
            Instant.EPOCH,
            text(record, "recipientAccountId", null),
            text(record, "awsRegion", null),
            text(record, "eventSource", null),
            text(record, "eventName", null),
            text(record, "eventType", null),
            text(record, "eventCategory", null),
            null,
            null,
            null,
            null,
            List.of());
    return new Event(sourceType, new Origin(location, index), raw, view, new TreeFields(record));
  }

  /** Every record of a {@code .json.cloudtrail} file (a JSON array of CloudTrail records). */
  public static List<Event> readCloudTrailArray(Path file) {
    try {
      JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
      JsonNode records = root.has("Records") ? root.get("Records") : root;
      List<Event> events = new ArrayList<>();
      for (JsonNode record : records) {
        events.add(of("cloudtrail", record, file.toString(), events.size()));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode record, String field, String fallback) {
    JsonNode node = record.get(field);
    return node != null && node.isTextual() ? node.textValue() : fallback;
  }
}
