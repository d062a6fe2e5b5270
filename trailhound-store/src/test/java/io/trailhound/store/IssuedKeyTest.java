package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.event.Event;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.source.cloudtrail.RawRecords;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 2's {@code issued_key_id}: actor resolution walks a temporary key back to the STS
 * call that issued it (and a long-term key to its {@code CreateAccessKey}) with a column filter,
 * and finds the call the scan's in-memory index finds; a version 1 store gets the column on
 * upgrade.
 */
class IssuedKeyTest {

  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path tmp;

  @Test
  void issuing_finds_the_same_call_from_the_store_as_from_the_logs() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    Map<String, String> expected = reference(events);
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(expected.keySet()).anyMatch(k -> k.startsWith("ASIA"));
    assertThat(expected.keySet()).anyMatch(k -> k.startsWith("AKIA"));
    try (EventStore store = StoreLoadTest.open(tmp.resolve("store.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      assertThat(issuedBy(store, expected.keySet())).isEqualTo(expected);
      assertThat(store.lookup(IssuedKeyTest::read).issuing("ASIANOTISSUEDBYANYONE")).isEmpty();
    }
  }

  @Test
  void records_written_for_other_kept_paths_are_read_from_raw_json_instead() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    Map<String, String> expected = reference(events);
    try (EventStore store = StoreLoadTest.open(tmp.resolve("stale.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      try (Statement s = store.connection().createStatement()) {
        // another build's fingerprint of the kept paths in every record's head
        s.execute("UPDATE events SET record = '[1' || substr(record, strpos(record, ','))");
      }
      assertThat(issuedBy(store, expected.keySet())).isEqualTo(expected);
    }
  }

  @Test
  void a_version_1_store_is_refused_read_only_and_upgraded_by_a_read_write_open() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    Map<String, String> expected = reference(events);
    Path file = tmp.resolve("v1.duckdb");
    try (EventStore store = StoreLoadTest.open(file)) {
      SimulatedEvents.load(store, events, "scan-1");
      try (Statement s = store.connection().createStatement()) {
        for (String index : List.of("access_key", "actor", "source_ip", "issued_key")) {
          s.execute("DROP INDEX events_" + index);
        }
        s.execute("DROP INDEX event_resources_arn");
        s.execute("ALTER TABLE events DROP COLUMN issued_key_id");
        s.execute("ALTER TABLE events DROP COLUMN record");
        s.execute("DROP TABLE callers");
        s.execute("DELETE FROM schema_version");
        s.execute("INSERT INTO schema_version VALUES (1, TIMESTAMP '2026-11-01', 'old')");
      }
    }

    assertThatThrownBy(() -> EventStore.openReadOnly(file, CLOCK))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 1 (current 3)")
        .hasMessageContaining("read-write");

    try (EventStore store = StoreLoadTest.open(file)) {
      assertThat(StoreLoadTest.count(store, "SELECT max(version) FROM schema_version"))
          .isEqualTo(3);
      assertThat(StoreLoadTest.count(store, "SELECT count(*) FROM callers")).isZero();
      assertThat(StoreLoadTest.count(store, "SELECT count(issued_key_id) FROM events"))
          .isEqualTo(expected.size());
      assertThat(issuedBy(store, expected.keySet())).isEqualTo(expected);
    }
    try (EventStore store = EventStore.openReadOnly(file, CLOCK)) {
      assertThat(store.eventCount()).isEqualTo(events.size());
    }
  }

  /** Key → id of the issuing event, as the scan's in-memory index answers it. */
  private static Map<String, String> reference(List<Event> events) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (Event e : events) {
      lines.writeBytes(e.rawBytes());
      lines.write('\n');
    }
    InMemoryEventIndex index = new InMemoryEventIndex();
    Set<String> capture = Set.copyOf(InMemoryEventIndex.requiredPaths());
    List<Event> read = RawRecords.read(lines.toByteArray(), capture, CLOCK);
    read.forEach(index::accept);
    index.seal();
    Map<String, String> out = new TreeMap<>();
    for (Event e : read) {
      EventRecord r = index.byId(e.id()).orElseThrow();
      for (String path : List.of(EventRecord.ISSUED_KEY, EventRecord.CREATED_KEY)) {
        String key = r.field(path);
        if (key != null) {
          index.issuing(key).ifPresent(i -> out.put(key, i.id()));
        }
      }
    }
    return out;
  }

  private static Map<String, String> issuedBy(EventStore store, Set<String> keys) {
    StoreEventLookup lookup = store.lookup(IssuedKeyTest::read);
    Map<String, String> out = new TreeMap<>();
    for (String key : keys) {
      Optional<EventRecord> r = lookup.issuing(key);
      r.ifPresent(i -> out.put(key, i.id()));
    }
    return out;
  }

  /** The scan's reader for raw records, as the CLI passes it. */
  private static List<Event> read(byte[] raw, Set<String> paths) {
    return RawRecords.read(raw, paths, CLOCK);
  }
}
