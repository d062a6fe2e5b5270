package io.trailhound.detect.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code --state} file: versioned JSON ({@code "schema":"trailhound.baseline-state/v1"}), one
 * object per actor with its first and last event time, event count, hours of day, the values of
 * each attribute as {@code [value, first, last, count]}, its enumeration history and its latest
 * console sign-in; then one object per resource credential session (instance, Lambda, ECS) with the
 * addresses it called from. Written to a temporary file beside the target and renamed over it, so a
 * crash never leaves half a state. Streamed both ways: memory is the profiles', not the file's.
 */
public final class StateFile {

  /** The schema tag; a file with any other tag is refused. */
  public static final String SCHEMA = "trailhound.baseline-state/v1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StateFile() {}

  /**
   * Loads {@code file} into a new store; a missing file gives an empty store (the first run).
   *
   * @throws BaselineStateException naming the file when it is not a readable state file
   */
  public static ProfileStore load(Path file, int maxActors, int maxValues) {
    ProfileStore store = new ProfileStore(maxActors, maxValues);
    try (InputStream in = Files.newInputStream(file)) {
      read(in, store);
      return store;
    } catch (NoSuchFileException e) {
      return store;
    } catch (JsonProcessingException e) {
      throw new BaselineStateException(
          file + ": not a Trailhound baseline state file (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new BaselineStateException(file + ": cannot read state: " + e.getMessage(), e);
    } catch (BaselineStateException e) {
      throw new BaselineStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the store to {@code file} atomically (temporary file, then rename). */
  public static void save(ProfileStore store, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(store, out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new BaselineStateException(file + ": cannot write state: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the rename already happened or the directory is gone: nothing left to clean
        }
      }
    }
  }

  static void write(ProfileStore store, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeNumberField("evicted", store.evicted());
      g.writeArrayFieldStart("actors");
      for (Profile p : store.all()) {
        synchronized (p) {
          if (p.events == 0) {
            continue;
          }
          writeProfile(g, p);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sessions");
      List<CredentialSession> sessions = new ArrayList<>(store.sessions().values());
      sessions.sort(Comparator.comparing(s -> s.arn));
      for (CredentialSession s : sessions) {
        writeSession(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeSession(JsonGenerator g, CredentialSession s) throws IOException {
    g.writeStartObject();
    g.writeStringField("arn", s.arn);
    g.writeStringField("account", s.account);
    g.writeBooleanField("instance", s.instance);
    g.writeStringField("issuer_type", s.issuerType);
    g.writeNumberField("first", s.first);
    g.writeNumberField("last", s.last);
    g.writeArrayFieldStart("addresses");
    for (int i = 0; i < s.addresses.size(); i++) {
      g.writeStartArray();
      g.writeString((String) s.addresses.value(i));
      g.writeNumber(s.addresses.first(i));
      g.writeNumber(s.addresses.last(i));
      g.writeNumber(s.addresses.count(i));
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeProfile(JsonGenerator g, Profile p) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", p.kind.label());
    g.writeStringField("id", p.id);
    g.writeNumberField("first", p.first);
    g.writeNumberField("last", p.last);
    g.writeNumberField("events", p.events);
    if (p.hours != null) {
      g.writeArrayFieldStart("hours");
      for (int h : p.hours) {
        g.writeNumber(h);
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("attributes");
    for (Attribute a : Attribute.ALL) {
      ValueSet s = p.existing(a);
      if (s == null || s.size() == 0) {
        continue;
      }
      g.writeArrayFieldStart(a.key());
      for (int i = 0; i < s.size(); i++) {
        g.writeStartArray();
        if (s.value(i) instanceof Long n) {
          g.writeNumber(n);
        } else {
          g.writeString((String) s.value(i));
        }
        g.writeNumber(s.first(i));
        g.writeNumber(s.last(i));
        g.writeNumber(s.count(i));
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    if (p.enumerationHours > 0) {
      g.writeObjectFieldStart("enumeration");
      g.writeNumberField("max", p.enumerationMax);
      g.writeNumberField("hours", p.enumerationHours);
      g.writeEndObject();
    }
    if (p.lastLoginTime != 0) {
      g.writeObjectFieldStart("last_login");
      g.writeNumberField("time", p.lastLoginTime);
      g.writeStringField("country", p.lastLoginCountry);
      g.writeStringField("ip", p.lastLoginIp);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static void read(InputStream in, ProfileStore store) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BaselineStateException("not a Trailhound baseline state file (not an object)");
      }
      boolean schemaSeen = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("schema")) {
          String schema = parser.getValueAsString();
          if (!SCHEMA.equals(schema)) {
            throw new BaselineStateException(
                "state schema '" + schema + "' is not " + SCHEMA + " (another tool or version)");
          }
          schemaSeen = true;
        } else if (field.equals("actors") && value == JsonToken.START_ARRAY) {
          if (!schemaSeen) {
            throw new BaselineStateException("'schema' must come first in a state file");
          }
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            readProfile(MAPPER.readTree(parser), store);
          }
        } else if (field.equals("sessions") && value == JsonToken.START_ARRAY) {
          if (!schemaSeen) {
            throw new BaselineStateException("'schema' must come first in a state file");
          }
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            readSession(MAPPER.readTree(parser), store);
          }
        } else {
          parser.skipChildren();
        }
      }
      if (!schemaSeen) {
        throw new BaselineStateException("not a Trailhound baseline state file (no schema)");
      }
    }
  }

  private static void readProfile(JsonNode n, ProfileStore store) {
    ActorKind kind = ActorKind.fromLabel(n.path("kind").asText());
    String id = n.path("id").asText(null);
    if (kind == null || id == null || !n.path("first").canConvertToLong()) {
      throw new BaselineStateException("actor entry without kind, id or first: " + abbreviate(n));
    }
    Profile p = store.profile(kind, id.intern());
    synchronized (p) {
      p.first = Math.min(p.first, n.path("first").asLong());
      p.last = Math.max(p.last, n.path("last").asLong());
      p.events += n.path("events").asLong();
      JsonNode hours = n.path("hours");
      if (hours.isArray() && hours.size() == 24) {
        p.hours = new int[24];
        for (int h = 0; h < 24; h++) {
          p.hours[h] = hours.get(h).asInt();
        }
      }
      Iterator<Map.Entry<String, JsonNode>> attrs = n.path("attributes").fields();
      while (attrs.hasNext()) {
        Map.Entry<String, JsonNode> e = attrs.next();
        Attribute a = Attribute.fromKey(e.getKey());
        if (a == null || !e.getValue().isArray()) {
          continue;
        }
        for (JsonNode v : e.getValue()) {
          if (!v.isArray() || v.size() != 4) {
            throw new BaselineStateException("bad value in " + a.key() + " of " + id);
          }
          Object value = a.numeric() ? (Object) v.get(0).asLong() : v.get(0).asText().intern();
          p.set(a)
              .restore(
                  value, v.get(1).asLong(), v.get(2).asLong(), v.get(3).asInt(), store.maxValues());
        }
      }
      p.enumerationMax = n.path("enumeration").path("max").asInt();
      p.enumerationHours = n.path("enumeration").path("hours").asInt();
      JsonNode login = n.path("last_login");
      if (login.isObject()) {
        p.lastLoginTime = login.path("time").asLong();
        p.lastLoginCountry = login.path("country").asText(null);
        p.lastLoginIp = login.path("ip").asText(null);
      }
    }
  }

  private static void readSession(JsonNode n, ProfileStore store) {
    String arn = n.path("arn").asText(null);
    if (arn == null || !n.path("first").canConvertToLong()) {
      throw new BaselineStateException("session entry without arn or first: " + abbreviate(n));
    }
    if (store.sessions().size() >= ProfileStore.MAX_SESSIONS) {
      return;
    }
    CredentialSession s =
        new CredentialSession(
            arn,
            n.path("account").asText(null),
            n.path("instance").asBoolean(),
            n.path("issuer_type").asText(null));
    s.first = n.path("first").asLong();
    s.last = n.path("last").asLong();
    for (JsonNode v : n.path("addresses")) {
      if (!v.isArray() || v.size() != 4) {
        throw new BaselineStateException("bad address in session " + arn);
      }
      s.addresses.restore(
          v.get(0).asText(),
          v.get(1).asLong(),
          v.get(2).asLong(),
          v.get(3).asInt(),
          CredentialWatch.MAX_ADDRESSES);
    }
    store.sessions().put(arn, s);
  }

  private static String abbreviate(JsonNode n) {
    String text = n.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
