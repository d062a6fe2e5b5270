package io.trailhound.simulate.truth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.finding.output.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of a simulation run ({@code ground-truth.json}, {@code
 * "schema":"trailhound.ground-truth/v1"}): the seed, the time range, the accounts and, per
 * scenario, the exact event ids of the attack and, optionally ({@code network_evidence}), the
 * instances and interfaces whose flow and resolver logs show it.
 */
public record GroundTruth(
    long seed, Instant start, Instant end, List<String> accounts, List<TruthScenario> scenarios) {

  public static final String SCHEMA = "trailhound.ground-truth/v1";

  public GroundTruth {
    accounts = List.copyOf(accounts);
    scenarios = List.copyOf(scenarios);
  }

  /** Writes the file with a streaming generator, pretty-printed for people reading it. */
  public void write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeNumberField("seed", seed);
      g.writeStringField("start", start.toString());
      g.writeStringField("end", end.toString());
      Json.strings(g, "accounts", accounts);
      g.writeArrayFieldStart("scenarios");
      for (TruthScenario s : scenarios) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("kind", s.kind());
        g.writeStringField("name", s.name());
        Json.strings(g, "techniques", s.techniques());
        g.writeObjectFieldStart("actor");
        g.writeStringField("arn", s.actorArn());
        g.writeStringField("access_key_id", s.actorKey());
        g.writeEndObject();
        g.writeStringField("account", s.account());
        g.writeStringField("first_seen", s.first().toString());
        g.writeStringField("last_seen", s.last().toString());
        g.writeNumberField("event_count", s.eventIds().size());
        Json.strings(g, "event_ids", s.eventIds());
        if (!s.networkIds().isEmpty() || !s.networkEvidence().isEmpty()) {
          // Optional: readers of v1 that do not know it ignore it.
          g.writeObjectFieldStart("network_evidence");
          Json.strings(g, "resources", s.networkIds());
          Json.strings(g, "descriptions", s.networkEvidence());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** Reads a file written by {@link #write}. */
  public static GroundTruth read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
      throw new IOException(file + " is not a " + SCHEMA + " file");
    }
    List<TruthScenario> scenarios = new ArrayList<>();
    for (JsonNode s : root.path("scenarios")) {
      scenarios.add(
          new TruthScenario(
              s.path("id").asText(),
              s.path("kind").asText(),
              s.path("name").asText(),
              texts(s.path("techniques")),
              s.path("actor").path("arn").asText(),
              s.path("actor").path("access_key_id").asText(null),
              s.path("account").asText(),
              Instant.parse(s.path("first_seen").asText()),
              Instant.parse(s.path("last_seen").asText()),
              texts(s.path("event_ids")),
              texts(s.path("network_evidence").path("resources")),
              texts(s.path("network_evidence").path("descriptions"))));
    }
    return new GroundTruth(
        root.path("seed").asLong(),
        Instant.parse(root.path("start").asText()),
        Instant.parse(root.path("end").asText()),
        texts(root.path("accounts")),
        scenarios);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
