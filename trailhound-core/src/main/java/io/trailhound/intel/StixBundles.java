package io.trailhound.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads STIX 2.1 indicators from a bundle, one object at a time so a large bundle never sits in
 * memory whole. An indicator counts when its {@code pattern} compares {@code ipv4-addr:value},
 * {@code ipv6-addr:value}, {@code domain-name:value} or {@code url:value} with {@code =}, {@code
 * ISSUBSET} or {@code IN ('a', 'b')}; comparisons joined by {@code OR} each become an entry. A
 * pattern that joins observations with {@code AND} or {@code FOLLOWEDBY} needs more than one value
 * to match and is left out, as are revoked, expired and not-yet-valid indicators and non-STIX
 * patterns.
 */
final class StixBundles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String STRING = "'(?:[^'\\\\]|\\\\.)*'";

  private static final Pattern COMPARISON =
      Pattern.compile(
          "(ipv4-addr|ipv6-addr|domain-name|url):value\\s*(?:(?:=|ISSUBSET)\\s*("
              + STRING
              + ")|IN\\s*\\(((?:\\s*"
              + STRING
              + "\\s*,?)+)\\))");

  private static final Pattern STRINGS = Pattern.compile(STRING);

  private static final Pattern CONJUNCTION = Pattern.compile("\\b(AND|FOLLOWEDBY)\\b");

  private StixBundles() {}

  static void read(InputStream in, ListBuilder builder, Clock clock) throws IOException {
    Instant now = clock.instant();
    int position = 0;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        builder.problem(1, "not a STIX bundle (a JSON object)", "");
        return;
      }
      ObjectNode top = JSON.createObjectNode();
      boolean sawObjects = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("objects".equals(field) && value == JsonToken.START_ARRAY) {
          sawObjects = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            position++;
            int line = p.currentLocation().getLineNr();
            JsonNode object = JSON.readTree(p);
            indicator(object, line, builder, now);
          }
        } else if (value.isStructStart()) {
          p.skipChildren();
        } else {
          top.set(field, JSON.readTree(p));
        }
      }
      if (!sawObjects && "indicator".equals(top.path("type").asText())) {
        builder.problem(1, "a single indicator, not a bundle: patterns need the full object", "");
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? position : e.getLocation().getLineNr();
      builder.problem(
          line, "broken JSON after " + position + " objects: " + e.getOriginalMessage(), "");
    }
  }

  private static void indicator(JsonNode o, int line, ListBuilder builder, Instant now) {
    if (!o.isObject()) {
      builder.problem(line, "bundle object is not a JSON object", o.toString());
      return;
    }
    if (!"indicator".equals(o.path("type").asText())) {
      return; // relationships, identities, malware objects...: context, not indicators
    }
    String id = o.path("id").asText(null);
    String pattern = o.path("pattern").asText("");
    String patternType = o.path("pattern_type").asText("stix");
    if (!"stix".equals(patternType.toLowerCase(Locale.ROOT))) {
      builder.skip("pattern_type " + patternType);
      return;
    }
    if (o.path("revoked").asBoolean(false)) {
      builder.skip("revoked");
      return;
    }
    Instant until = time(o, "valid_until", line, builder);
    if (until != null && !until.isAfter(now)) {
      builder.skip("expired");
      return;
    }
    Instant from = time(o, "valid_from", line, builder);
    if (from != null && from.isAfter(now)) {
      builder.skip("not yet valid");
      return;
    }
    if (pattern.isBlank()) {
      builder.problem(line, "indicator without a pattern", id);
      return;
    }
    if (CONJUNCTION.matcher(STRINGS.matcher(pattern).replaceAll("''")).find()) {
      builder.skip("pattern joins observations with AND/FOLLOWEDBY");
      return;
    }
    EntryMeta meta = meta(o, id, line, builder);
    Matcher m = COMPARISON.matcher(pattern);
    int found = 0;
    while (m.find()) {
      Matcher values = STRINGS.matcher(m.group(2) != null ? m.group(2) : m.group(3));
      while (values.find()) {
        found++;
        String quoted = values.group();
        String value =
            quoted.substring(1, quoted.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        if (!builder.add(value, meta)) {
          builder.problem(line, m.group(1) + " value is not an address, CIDR or domain", value);
        }
      }
    }
    if (found == 0) {
      builder.skip("no IP, domain or URL in the pattern");
    }
  }

  private static EntryMeta meta(JsonNode o, String id, int line, ListBuilder builder) {
    int confidence = builder.defaults().confidence();
    JsonNode c = o.get("confidence");
    if (c != null) {
      if (c.isInt() && c.asInt() >= 0 && c.asInt() <= 100) {
        confidence = c.asInt();
      } else {
        builder.problem(
            line, "confidence is not an integer 0-100; list default used", c.toString());
      }
    }
    List<String> labels = new ArrayList<>();
    for (String field : List.of("indicator_types", "labels")) {
      for (JsonNode l : o.path(field)) {
        if (l.isTextual() && !labels.contains(l.asText())) {
          labels.add(l.asText());
        }
      }
    }
    return new EntryMeta(confidence, labels, id);
  }

  private static Instant time(JsonNode o, String field, int line, ListBuilder builder) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      builder.problem(line, field + " is not a timestamp; ignored", v.asText());
      return null;
    }
  }
}
