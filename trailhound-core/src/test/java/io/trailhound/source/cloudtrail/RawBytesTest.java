package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailhound.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw JSON of each event is the exact slice of the input, whitespace and escapes included. */
class RawBytesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "formats/records.json",
        "formats/array.json",
        "formats/tricky-strings.json",
        "bad/missing-fields.json"
      })
  void raw_json_is_the_byte_slice_of_the_input(String name) throws IOException {
    byte[] file = Fixtures.bytes(name);
    List<long[]> slices = JsonPaths.recordSlices(file);
    Fixtures.Result r = Fixtures.read(name);
    assertThat(r.events()).isNotEmpty();
    for (Event e : r.events()) {
      long[] s = slices.get((int) e.origin().record());
      assertThat(e.rawBytes()).isEqualTo(Arrays.copyOfRange(file, (int) s[0], (int) s[1]));
    }
  }

  @Test
  void strings_with_brackets_quotes_and_escapes_do_not_confuse_framing() throws IOException {
    var tree = Generated.JSON.readTree(Fixtures.bytes("formats/tricky-strings.json"));
    Fixtures.Result r = Fixtures.read("formats/tricky-strings.json");
    assertThat(r.report().skipped()).isZero();
    assertThat(r.events()).hasSize(tree.get("Records").size());
    for (Event e : r.events()) {
      String expected =
          tree.get("Records").get((int) e.origin().record()).get("userAgent").textValue();
      assertThat(e.view().source().userAgent()).isEqualTo(expected.isEmpty() ? null : expected);
    }
  }

  @Test
  void raw_json_of_a_line_is_the_line_without_its_line_end() {
    byte[] file = Fixtures.bytes("formats/lines.jsonl");
    String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
    Fixtures.Result r = Fixtures.read("formats/lines.jsonl");
    assertThat(r.events())
        .extracting(Event::rawJson)
        .containsExactly(lines[0], lines[1].strip(), lines[4]);
  }

  @Test
  void raw_json_of_an_eventbridge_event_is_the_slice_of_its_detail() throws IOException {
    byte[] file = Fixtures.bytes("formats/eventbridge.json");
    long start = -1;
    long end = -1;
    try (JsonParser p = Generated.JSON.getFactory().createParser(file)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "detail".equals(p.currentName())) {
          p.nextToken();
          start = p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          end = p.currentLocation().getByteOffset();
        }
      }
    }
    Event e = Fixtures.read("formats/eventbridge.json").only();
    assertThat(e.rawBytes()).isEqualTo(Arrays.copyOfRange(file, (int) start, (int) end));
  }

  @Test
  void raw_json_of_a_lookup_event_is_the_decoded_cloudtrail_event_string() throws IOException {
    var tree = Generated.JSON.readTree(Fixtures.bytes("formats/lookup-events.json"));
    Fixtures.Result r = Fixtures.read("formats/lookup-events.json");
    for (Event e : r.events()) {
      String expected =
          tree.get("Events").get((int) e.origin().record()).get("CloudTrailEvent").textValue();
      assertThat(e.rawJson()).isEqualTo(expected);
    }
  }
}
