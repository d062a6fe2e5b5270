package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.event.Event;
import io.trailhound.source.InputSpec;
import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input is counted with its reason, and every valid record still arrives. */
class BadInputTest {

  @TempDir Path tmp;

  private static List<String> ids(Fixtures.Result r) {
    return r.events().stream().map(Event::id).toList();
  }

  private static String id(int n) {
    return String.format(Locale.ROOT, "1b000000-0000-4000-8000-%012d", n);
  }

  @Test
  void keeps_records_before_a_truncated_tail() {
    Fixtures.Result r = Fixtures.read("bad/truncated.json");
    assertThat(ids(r)).containsExactly(id(81), id(82));
    assertThat(r.report().skips()).containsExactly(java.util.Map.entry(SkipReason.TRUNCATED, 1L));
    assertThat(r.report().examples().get(SkipReason.TRUNCATED).get(0).record()).isEqualTo(2);
  }

  @Test
  void skips_invalid_json_lines_and_reads_the_next_ones() {
    Fixtures.Result r = Fixtures.read("bad/invalid-lines.jsonl");
    assertThat(ids(r)).containsExactly(id(91), id(92), id(93));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.INVALID_JSON);
    assertThat(r.report().skipped(SkipReason.INVALID_JSON)).isEqualTo(3);
  }

  @Test
  void skips_a_non_utf8_record_in_a_records_array_and_resynchronises() {
    Fixtures.Result r = Fixtures.read("bad/non-utf8-records.json");
    assertThat(ids(r)).containsExactly(id(101), id(103));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.INVALID_UTF8);
    assertThat(r.report().examples().get(SkipReason.INVALID_UTF8).get(0).record()).isEqualTo(1);
  }

  @Test
  void skips_a_non_utf8_line_and_reads_the_next() {
    Fixtures.Result r = Fixtures.read("bad/non-utf8-lines.jsonl");
    assertThat(ids(r)).containsExactly(id(111), id(113));
    assertThat(r.report().skipped(SkipReason.INVALID_UTF8)).isEqualTo(1);
  }

  @Test
  void skips_records_missing_required_fields() {
    Fixtures.Result r = Fixtures.read("bad/missing-fields.json");
    assertThat(ids(r)).containsExactly(id(121), id(127));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.MISSING_FIELD);
    assertThat(r.report().skipped(SkipReason.MISSING_FIELD)).isEqualTo(5);
    assertThat(r.report().examples().get(SkipReason.MISSING_FIELD))
        .extracting(s -> s.record() + " " + s.detail())
        .containsExactly(
            "1 eventTime is missing",
            "2 eventTime is missing",
            "3 eventSource is missing",
            "4 eventName is missing",
            "5 eventName is empty");
  }

  @Test
  void hands_every_skip_to_the_listener() {
    List<Skip> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    IngestOptions options = Fixtures.options().withOnSkip(seen::add);
    Fixtures.Result r = Fixtures.read(options, "bad/wrong-types.json", "bad/missing-fields.json");
    assertThat((long) seen.size()).isEqualTo(r.report().skipped()).isEqualTo(11);
  }

  @Test
  void skips_records_with_wrong_json_types() {
    Fixtures.Result r = Fixtures.read("bad/wrong-types.json");
    assertThat(ids(r)).containsExactly(id(131), id(137));
    assertThat(r.report().skipped(SkipReason.WRONG_TYPE)).isEqualTo(5);
    assertThat(r.report().skipped(SkipReason.INVALID_VALUE)).isEqualTo(1);
    assertThat(r.report().examples().get(SkipReason.WRONG_TYPE))
        .extracting(s -> s.detail())
        .containsExactly(
            "eventName is not a string",
            "userIdentity is not an object",
            "eventSource is not a string",
            "record is not a JSON object",
            "resources is not an array");
  }

  @Test
  void keeps_events_decoded_before_a_truncated_gzip() {
    Fixtures.Result r = Fixtures.read("bad/truncated.json.gz");
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.CORRUPT_GZIP);
    assertThat(r.events()).isNotEmpty().hasSizeLessThan(20);
    for (int i = 0; i < r.events().size(); i++) {
      assertThat(r.events().get(i).id()).isEqualTo(id(150 + i));
    }
  }

  @Test
  void keeps_events_decoded_before_corruption_inside_a_gzip_stream() throws IOException {
    Path file = Generated.records(tmp.resolve("big.json.gz"), 4000, true, Generated::event);
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length * 3 / 4; i < bytes.length * 3 / 4 + 64; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(file, bytes);
    Fixtures.Result r = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(file)));
    // deflate has no integrity check before the trailer: a few garbage bytes may be decoded (and
    // skipped as bad JSON) before the inflater notices
    assertThat(r.report().skipped(SkipReason.CORRUPT_GZIP)).isEqualTo(1);
    assertThat(r.events().size()).isGreaterThan(1000).isLessThan(4000);
    for (int i = 0; i < r.events().size(); i++) {
      assertThat(r.events().get(i).id()).isEqualTo(Generated.id(i));
    }
  }

  @Test
  void skips_a_50_mib_record_without_losing_the_next_one() throws IOException {
    ObjectNode big = Generated.template("bad/big-record-template.json");
    ((ObjectNode) big.get("requestParameters")).put("blob", "a".repeat(50 << 20));
    Path file =
        Generated.records(
            tmp.resolve("huge.json"), 3, false, i -> i == 1 ? big : Generated.event(i));
    Fixtures.Result r = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(file)));
    assertThat(r.events()).extracting(Event::id).containsExactly(Generated.id(0), Generated.id(2));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.TOO_LARGE);
    assertThat(r.report().examples().get(SkipReason.TOO_LARGE).get(0).record()).isEqualTo(1);
  }

  @Test
  void skips_a_too_long_line_with_a_configured_limit() throws IOException {
    ObjectNode big = Generated.event(1);
    big.put("userAgent", "b".repeat(10_000));
    Path file = Generated.lines(tmp.resolve("l.jsonl"), 3, i -> i == 1 ? big : Generated.event(i));
    IngestOptions options = Fixtures.options().withMaxRecordBytes(5_000);
    Fixtures.Result r = Fixtures.read(options, List.of(Fixtures.input(file)));
    assertThat(r.events()).extracting(Event::id).containsExactly(Generated.id(0), Generated.id(2));
    assertThat(r.report().skipped(SkipReason.TOO_LARGE)).isEqualTo(1);
  }

  @Test
  void turns_too_deep_nesting_into_a_limit_skip() throws IOException {
    ObjectNode deep = Generated.event(1);
    ArrayNode inner = deep.putArray("requestParameters");
    for (int i = 0; i < 300; i++) {
      inner = inner.addArray();
    }
    Path file =
        Generated.records(tmp.resolve("d.json"), 3, false, i -> i == 1 ? deep : Generated.event(i));
    Fixtures.Result r = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(file)));
    assertThat(r.events()).extracting(Event::id).containsExactly(Generated.id(0), Generated.id(2));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.LIMIT_EXCEEDED);
  }

  @Test
  void counts_unreadable_entries_of_a_directory_and_reads_the_rest() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("logs"));
    Files.copy(Fixtures.path("formats/array.json"), dir.resolve("a.json"));
    Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("missing.json"));
    InputSpec.Expansion inputs = InputSpec.expand(List.of(dir.toString(), "no/such/file.json"));
    Fixtures.Result r = Fixtures.read(Fixtures.options(), inputs.inputs());
    assertThat(inputs.skips()).extracting(s -> s.reason()).containsOnly(SkipReason.UNREADABLE);
    assertThat(inputs.skips()).hasSize(2);
    assertThat(r.events()).hasSize(2);
  }

  @Test
  void counts_a_file_without_read_permission() throws IOException {
    assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
    Path dir = Files.createDirectory(tmp.resolve("logs"));
    Files.copy(Fixtures.path("formats/array.json"), dir.resolve("a.json"));
    Path locked = Files.copy(Fixtures.path("formats/array.json"), dir.resolve("b.json"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    InputSpec.Expansion inputs = InputSpec.expand(List.of(dir.toString()));
    IngestReport report =
        new IngestService(Fixtures.CLOCK).run(inputs, Fixtures.options(), e -> {});
    assertThat(report.skipped(SkipReason.UNREADABLE)).isEqualTo(1);
    assertThat(report.eventsDelivered()).isEqualTo(2);
  }

  @Test
  void reads_records_with_duplicate_member_names_like_the_tree_does() throws IOException {
    Fixtures.Result r = Fixtures.read("bad/duplicate-keys.jsonl");
    assertThat(r.report().skipped()).isZero();
    assertThat(r.only().view().api()).isEqualTo("Second");
    assertThat(r.only().values("eventName")).extracting(v -> v.text()).containsExactly("Second");
  }
}
