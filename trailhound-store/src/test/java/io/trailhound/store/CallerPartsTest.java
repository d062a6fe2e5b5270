package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.event.Event;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import io.trailhound.source.cloudtrail.RawRecords;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records name their caller part (source type to client string) by key and the store keeps each
 * part once: every event must still come back exactly as the scan saw it — beside rows written in
 * the full layout by an earlier build, and, when a part is missing, from its raw JSON, never with a
 * guess.
 */
class CallerPartsTest {

  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir java.nio.file.Path tmp;

  @Test
  void a_busy_actors_events_share_one_stored_caller_part_and_come_back_whole() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    try (EventStore store = StoreLoadTest.open(tmp.resolve("s.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");

      assertThat(StoreLoadTest.count(store, "SELECT count(*) FROM callers"))
          .isPositive()
          .isLessThan(events.size() / 2);
      assertThat(StoreLoadTest.count(store, "SELECT count(DISTINCT caller_key) FROM callers"))
          .isEqualTo(StoreLoadTest.count(store, "SELECT count(*) FROM callers"));
      assertThat(read(store, events)).isEqualTo(reference(events));
    }
  }

  @Test
  void rows_of_the_full_layout_beside_caller_key_rows_come_back_whole() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    try (EventStore store = StoreLoadTest.open(tmp.resolve("s.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      try (PreparedStatement ps =
          store.connection().prepareStatement("UPDATE events SET record = ? WHERE event_id = ?")) {
        for (int i = 0; i < events.size(); i += 2) {
          EventRecord r = EventRecord.of(events.get(i), new Interner());
          ps.setString(1, RecordCodec.encode(r));
          ps.setString(2, r.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      assertThat(
              StoreLoadTest.count(store, "SELECT count(*) FROM events WHERE length(record) > 600"))
          .isPositive();

      assertThat(read(store, events)).isEqualTo(reference(events));
    }
  }

  @Test
  void events_whose_caller_part_is_missing_are_read_from_their_raw_json() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    try (EventStore store = StoreLoadTest.open(tmp.resolve("s.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      try (Statement s = store.connection().createStatement()) {
        s.execute(
            "DELETE FROM callers WHERE caller_key IN"
                + " (SELECT caller_key FROM callers ORDER BY caller_key LIMIT 5)");
      }

      assertThat(read(store, events)).isEqualTo(reference(events));
    }
  }

  @Test
  void a_damaged_caller_part_is_a_clear_error_not_a_wrong_record() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    try (EventStore store = StoreLoadTest.open(tmp.resolve("s.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      try (Statement s = store.connection().createStatement()) {
        s.execute("UPDATE callers SET caller = '\"cloudtrail\",\"123456789012\"'");
      }

      assertThatThrownBy(() -> read(store, events))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("caller part");
    }
  }

  @Test
  void split_records_with_hostile_text_decode_to_the_record_written() {
    EventRecord quoted =
        record("id \"with\" \\ quotes,", "ua \"q\", [b], {c}, \\ null, \u00e9\u4e2d\ud83d\ude00");
    EventRecord plain = record("e-2", "Boto3/1.34 md/Botocore#1.34");
    EventRecord nulls =
        new EventRecord(
            "e-3",
            Instant.parse("1969-12-31T23:59:59.5Z"),
            "cloudtrail",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            0,
            Map.of());
    Map<String, String> parts = new LinkedHashMap<>();
    for (EventRecord r : List.of(quoted, plain, nulls)) {
      RecordCodec.Split s = RecordCodec.split(r);
      assertThat(s.callerKey()).hasSize(RecordCodec.KEY_CHARS);
      assertThat(s.record()).doesNotContain("cloudtrail");
      parts.put(s.callerKey(), s.caller());
    }
    RecordDecoder decoder = new RecordDecoder(new Interner());
    for (EventRecord r : List.of(quoted, plain, nulls)) {
      assertThat(decoder.decode(bytes(r))).as("caller not given yet").isNull();
    }
    decoder.provide(parts);

    for (EventRecord r : List.of(quoted, plain, nulls, quoted)) {
      assertThat(decoder.decode(bytes(r))).isEqualTo(r);
    }
    assertThat(RecordCodec.split(plain).callerKey())
        .isNotEqualTo(RecordCodec.split(quoted).callerKey());
  }

  @Test
  void rests_plain_or_not_decode_to_the_record_written_in_both_layouts() {
    java.util.Random random = new java.util.Random(20261124);
    String alphabet = "abcXYZ019:/-_. \"\\,[]{}\u00e9\u4e2d\n\t\u0001";
    RecordDecoder decoder = new RecordDecoder(new Interner());
    for (int n = 0; n < 3000; n++) {
      List<String> resources = new java.util.ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        resources.add(text(random, alphabet));
      }
      Map<String, String> fields = new TreeMap<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        fields.put(
            random.nextBoolean() ? "requestParameters.policyDocument" : text(random, alphabet),
            text(random, alphabet));
      }
      EventRecord r =
          new EventRecord(
              "e-" + n,
              Instant.ofEpochSecond(1_790_000_000L + n, random.nextInt(1_000_000_000)),
              "cloudtrail",
              "123456789012",
              "us-east-1",
              "s3.amazonaws.com",
              "PutObject",
              random.nextBoolean(),
              null,
              "AssumedRole",
              "arn:aws:sts::123456789012:assumed-role/r/s",
              "r",
              "ASIA" + random.nextInt(5),
              null,
              null,
              null,
              null,
              "203.0.113.7",
              "ua",
              resources,
              random.nextInt(3) == 0 ? -random.nextInt(1000) : random.nextInt(1 << 30),
              fields);
      RecordCodec.Split split = RecordCodec.split(r);
      decoder.provide(Map.of(split.callerKey(), split.caller()));

      assertThat(decoder.decode(bytes(r))).as(split.record()).isEqualTo(r);
      assertThat(decoder.decode(RecordCodec.encode(r).getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(r);
    }
  }

  private static String text(java.util.Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    boolean plain = random.nextBoolean();
    for (int k = random.nextInt(12); k > 0; k--) {
      b.append(alphabet.charAt(random.nextInt(plain ? 15 : alphabet.length())));
    }
    return b.toString();
  }

  private static byte[] bytes(EventRecord r) {
    return RecordCodec.split(r).record().getBytes(StandardCharsets.UTF_8);
  }

  private static EventRecord record(String id, String userAgent) {
    return new EventRecord(
        id,
        Instant.parse("2026-11-16T00:00:04.25Z"),
        "cloudtrail",
        "123456789012",
        "us-east-1",
        "s3.amazonaws.com",
        "PutObject",
        false,
        null,
        "AssumedRole",
        "arn:aws:sts::123456789012:assumed-role/r/s",
        "r",
        "ASIAEXAMPLE",
        "arn:aws:iam::123456789012:role/r",
        "s",
        null,
        null,
        "203.0.113.7",
        userAgent,
        List.of("arn:aws:s3:::b/k", "arn:aws:s3:::b"),
        17,
        new TreeMap<>(Map.of("requestParameters.bucketName", "b")));
  }

  private static Map<String, EventRecord> reference(List<Event> events) {
    Map<String, EventRecord> out = new TreeMap<>();
    for (Event e : events) {
      EventRecord r = EventRecord.of(e, new Interner());
      out.put(r.id(), r);
    }
    return out;
  }

  private static Map<String, EventRecord> read(EventStore store, List<Event> events) {
    List<String> ids = events.stream().map(e -> e.view().eventId()).toList();
    Map<String, EventRecord> out = new TreeMap<>();
    for (EventRecord r :
        store.lookup((raw, paths) -> RawRecords.read(raw, paths, CLOCK)).byIds(ids, null, null)) {
      out.put(r.id(), r);
    }
    return out;
  }
}
