package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.source.InputSpec;
import io.trailhound.source.SkipReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per accepted layout: the format is found from the bytes, never asked for. */
class FormatsTest {

  private static List<String> ids(Fixtures.Result r) {
    return r.events().stream().map(Event::id).toList();
  }

  private static String id(int n) {
    return String.format(java.util.Locale.ROOT, "1b000000-0000-4000-8000-%012d", n);
  }

  @Test
  void reads_a_records_object() {
    Fixtures.Result r = Fixtures.read("formats/records.json");
    assertThat(ids(r)).containsExactly(id(1), id(2), id(3));
    assertThat(r.report().skipped()).isZero();
    assertThat(r.report().recordsSeen()).isEqualTo(3);
    assertThat(r.events().get(1).view().resources()).hasSize(1);
    assertThat(r.events().get(0).view().source().userAgent()).isEqualTo("Mozilla/5.0 (café ☕ 🚀)");
  }

  @Test
  void reads_gzipped_records_in_the_awslogs_layout_and_counts_digests() {
    InputSpec.Expansion inputs =
        InputSpec.expand(List.of(Fixtures.path("formats/AWSLogs").toString()));
    assertThat(inputs.inputs()).hasSize(2);
    Fixtures.Result r = Fixtures.read(Fixtures.options(), inputs.inputs());
    assertThat(ids(r)).containsExactly(id(11), id(12), id(13), id(14));
    assertThat(r.report().digestFiles()).isEqualTo(1);
    assertThat(r.report().skipped()).isZero();
    assertThat(r.report().filesRead()).isEqualTo(2);
  }

  @Test
  void recognises_a_digest_by_its_content_and_reads_no_event() {
    Fixtures.Result r = Fixtures.read("formats/digest-elsewhere.json");
    assertThat(r.events()).isEmpty();
    assertThat(r.report().digestFiles()).isEqualTo(1);
    assertThat(r.report().skipped()).isZero();
  }

  @Test
  void reads_a_records_object_whose_member_name_is_escaped() {
    assertThat(ids(Fixtures.read("formats/escaped-records-key.json"))).containsExactly(id(301));
  }

  @Test
  void reads_an_array_of_events() {
    Fixtures.Result r = Fixtures.read("formats/array.json");
    assertThat(ids(r)).containsExactly(id(21), id(22));
    assertThat(r.events().get(1).view().readOnly()).isFalse();
  }

  @Test
  void reads_json_lines_with_blank_and_crlf_lines() {
    Fixtures.Result r = Fixtures.read("formats/lines.jsonl");
    assertThat(ids(r)).containsExactly(id(31), id(32), id(33));
    assertThat(r.report().skipped()).isZero();
  }

  @Test
  void reads_concatenated_pretty_printed_objects() {
    Fixtures.Result r = Fixtures.read("formats/concatenated.json");
    assertThat(ids(r)).containsExactly(id(71), id(72));
  }

  @Test
  void unwraps_an_eventbridge_envelope() {
    Fixtures.Result r = Fixtures.read("formats/eventbridge.json");
    assertThat(ids(r)).containsExactly(id(41));
    assertThat(r.only().rawJson()).startsWith("{").doesNotContain("detail-type");
  }

  @Test
  void unwraps_eventbridge_lines_and_skips_other_detail_types_as_unknown() {
    Fixtures.Result r = Fixtures.read("formats/eventbridge-lines.jsonl");
    assertThat(ids(r)).containsExactly(id(42), id(43));
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.UNKNOWN_FORMAT);
    assertThat(r.report().skipped(SkipReason.UNKNOWN_FORMAT)).isEqualTo(1);
    assertThat(r.report().examples().get(SkipReason.UNKNOWN_FORMAT).get(0).record()).isEqualTo(1);
  }

  @Test
  void unwraps_an_array_of_eventbridge_envelopes() {
    Fixtures.Result r = Fixtures.read("formats/eventbridge-array.json");
    assertThat(ids(r)).containsExactly(id(44), id(45));
  }

  @Test
  void reads_lookup_events_output_with_the_decoded_string_as_raw() {
    Fixtures.Result r = Fixtures.read("formats/lookup-events.json");
    assertThat(ids(r)).containsExactly(id(51), id(52));
    assertThat(r.events().get(1).view().source().userAgent()).isEqualTo("naïve ☃");
    assertThat(r.events().get(1).rawJson()).startsWith("{\"eventVersion\"");
    assertThat(r.report().skipped()).isZero();
  }

  @Test
  void reads_lookup_events_entries_that_hold_the_event_itself() {
    Fixtures.Result r = Fixtures.read("formats/lookup-events-insight.json");
    assertThat(ids(r)).containsExactly(id(201));
    assertThat(r.only().view().api()).isEqualTo("CreateAccessKey");
    assertThat(r.only().view().eventType()).isEqualTo("AwsCloudTrailInsight");
  }

  @Test
  void rebuilds_lake_rows_from_columns_and_json_string_columns() {
    Fixtures.Result r = Fixtures.read("formats/lake.json");
    assertThat(ids(r)).containsExactly(id(61), id(62));
    Event first = r.events().get(0);
    assertThat(first.view().time()).hasToString("2024-01-15T12:01:00Z");
    assertThat(first.view().actor().userName()).isEqualTo("alice");
    assertThat(first.view().readOnly()).isTrue();
    Event second = r.events().get(1);
    assertThat(second.view().actor().type()).isEqualTo("IAMUser");
    assertThat(second.view().resources()).hasSize(1);
    assertThat(second.values("requestParameters.instancesSet.items.instanceId")).hasSize(1);
    assertThat(second.view().source().userAgent()).isEqualTo("[bot] scanner");
  }

  @Test
  void reads_standard_input() {
    Fixtures.Result r = Fixtures.readBytes(Fixtures.bytes("formats/lines.jsonl"));
    assertThat(ids(r)).containsExactly(id(31), id(32), id(33));
    assertThat(r.events().get(0).origin().location()).isEqualTo("-");
    assertThat(r.report().filesRead()).isEqualTo(1);
  }

  @Test
  void reads_gzip_from_standard_input_by_magic_bytes() {
    byte[] gz =
        Fixtures.bytes(
            "formats/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
                + "123456789012_CloudTrail_us-east-1_20240115T1235Z_HdkvFTXOA3Vnhbc.json.gz");
    assertThat(ids(Fixtures.readBytes(gz))).containsExactly(id(11), id(12), id(13), id(14));
  }

  @Test
  void counts_a_binary_file_as_unknown_format() {
    Fixtures.Result r = Fixtures.read("bad/not-json.bin");
    assertThat(r.events()).isEmpty();
    assertThat(r.report().skips()).containsOnlyKeys(SkipReason.UNKNOWN_FORMAT);
  }
}
