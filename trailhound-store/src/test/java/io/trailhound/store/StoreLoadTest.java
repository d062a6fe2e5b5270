package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: every event once, whatever was stored before. */
class StoreLoadTest {

  @TempDir Path tmp;

  @Test
  void a_second_load_of_the_same_events_stores_nothing_new() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    Path file = tmp.resolve("store.duckdb");
    try (EventStore store = open(file)) {
      WriteStats first = SimulatedEvents.load(store, events, "scan-1");
      assertThat(first.stored()).isEqualTo(events.size());
      assertThat(first.alreadyStored()).isZero();
    }
    try (EventStore store = open(file)) {
      WriteStats second = SimulatedEvents.load(store, events, "scan-2");
      assertThat(second.received()).isEqualTo(events.size());
      assertThat(second.stored()).isZero();
      assertThat(second.alreadyStored()).isEqualTo(events.size());
      assertThat(store.eventCount()).isEqualTo(events.size());
      assertThat(count(store, "SELECT count(DISTINCT event_id) FROM events"))
          .isEqualTo(events.size());
      assertThat(count(store, "SELECT count(*) FROM events WHERE scan_id = 'scan-2'")).isZero();
    }
  }

  @Test
  void overlapping_loads_store_only_the_new_events_and_their_resources() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    List<Event> firstPart = events.subList(0, events.size() * 2 / 3);
    List<Event> secondPart = events.subList(events.size() / 3, events.size());
    try (EventStore store = open(tmp.resolve("store.duckdb"))) {
      SimulatedEvents.load(store, firstPart, "scan-1");
      WriteStats second = SimulatedEvents.load(store, secondPart, "scan-2");
      assertThat(second.stored()).isEqualTo(events.size() - firstPart.size());
      assertThat(second.alreadyStored()).isEqualTo(firstPart.size() - events.size() / 3);
      assertThat(store.eventCount()).isEqualTo(events.size());
      long resources = events.stream().mapToLong(e -> arns(e)).sum();
      assertThat(count(store, "SELECT count(*) FROM event_resources")).isEqualTo(resources);
    }
  }

  @Test
  void columns_hold_the_normalised_view_and_raw_json_queries_work() throws Exception {
    List<Event> events = SimulatedEvents.shared();
    Event sample =
        events.stream().filter(e -> e.view().actor().accessKeyId() != null).findFirst().get();
    try (EventStore store = open(tmp.resolve("store.duckdb"))) {
      SimulatedEvents.load(store, events, "scan-1");
      QueryResult r =
          store.query(
              "SELECT event_name, access_key_id, raw->>'$.eventID', day::VARCHAR FROM events"
                  + " WHERE event_id = '"
                  + sample.id()
                  + "'",
              10);
      assertThat(r.rows())
          .containsExactly(
              List.of(
                  sample.view().api(),
                  sample.view().actor().accessKeyId(),
                  sample.id(),
                  sample.view().time().toString().substring(0, 10)));
    }
  }

  /** The event's named resources, plus the ARNs an investigation derives from its request. */
  private static long arns(Event e) {
    long named = e.view().resources().stream().filter(r -> r.arn() != null).count();
    long derived =
        EventRecord.of(e, new Interner()).resources().stream()
            .filter(arn -> e.view().resources().stream().noneMatch(r -> arn.equals(r.arn())))
            .count();
    return named + derived;
  }

  static EventStore open(Path file) {
    return EventStore.open(file, PivotsTest.small(), Clock.systemUTC(), "test");
  }

  static long count(EventStore store, String sql) throws Exception {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
