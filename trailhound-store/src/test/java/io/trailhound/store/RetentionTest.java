package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old days leave the store whole: deleted by age, or moved to Parquet and read back unchanged. */
class RetentionTest {

  @TempDir Path tmp;
  List<Event> events;
  Map<LocalDate, Long> perDay;

  @BeforeEach
  void events() throws Exception {
    events = SimulatedEvents.shared();
    perDay =
        new TreeMap<>(
            events.stream()
                .collect(
                    Collectors.groupingBy(
                        e -> LocalDate.ofInstant(e.view().time(), ZoneOffset.UTC),
                        Collectors.counting())));
    assertThat(perDay).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void retention_keeps_the_newest_days_counted_from_the_newest_event() {
    LocalDate newest = ((TreeMap<LocalDate, Long>) perDay).lastKey();
    try (EventStore store = open()) {
      SimulatedEvents.load(store, events, "scan-1");

      RetentionResult r = store.retention().keepDays(2);

      assertThat(r.keptFrom()).isEqualTo(newest.minusDays(1));
      long kept = perDay.get(newest) + perDay.getOrDefault(newest.minusDays(1), 0L);
      assertThat(store.eventCount()).isEqualTo(kept);
      assertThat(r.eventsDeleted()).isEqualTo(events.size() - kept);
      assertThat(store.query("SELECT min(day)::VARCHAR FROM events", 1).rows().get(0))
          .containsExactly(newest.minusDays(1).toString());
      assertThat(
              store
                  .query(
                      "SELECT count(*) FROM event_resources WHERE day < DATE '"
                          + r.keptFrom()
                          + "'",
                      1)
                  .rows()
                  .get(0))
          .containsExactly(0L);
      assertThat(store.retention().keepDays(2).eventsDeleted()).isZero();
    }
  }

  @Test
  void export_moves_old_days_to_parquet_that_reads_back_row_for_row() throws Exception {
    LocalDate last = ((TreeMap<LocalDate, Long>) perDay).lastKey();
    Path out = tmp.resolve("archive");
    try (EventStore store = open()) {
      SimulatedEvents.load(store, events, "scan-1");
      String before = fingerprint(store, "events WHERE day < DATE '" + last + "'");

      List<ExportedDay> exported = store.retention().exportBefore(last, out);

      assertThat(exported)
          .extracting(ExportedDay::day)
          .isEqualTo(List.copyOf(perDay.keySet()).subList(0, perDay.size() - 1));
      for (ExportedDay d : exported) {
        assertThat(d.events()).isEqualTo(perDay.get(d.day()));
        assertThat(d.eventsFile()).exists().hasFileName("events-" + d.day() + ".parquet");
        assertThat(Files.readAllBytes(d.eventsFile())).startsWith('P', 'A', 'R', '1');
      }
      assertThat(store.eventCount()).isEqualTo(perDay.get(last));
      String parquet = "read_parquet('" + out.toAbsolutePath() + "/events-*.parquet')";
      assertThat(fingerprint(store, parquet)).isEqualTo(before);
      assertThat(
              store
                  .query(
                      "SELECT compression FROM parquet_metadata('"
                          + exported.get(0).eventsFile().toAbsolutePath()
                          + "') GROUP BY compression",
                      10)
                  .rows())
          .containsExactly(List.of("ZSTD"));
    }
  }

  @Test
  void exporting_a_day_again_writes_a_second_file_instead_of_overwriting() {
    LocalDate last = ((TreeMap<LocalDate, Long>) perDay).lastKey();
    Path out = tmp.resolve("archive");
    try (EventStore store = open()) {
      SimulatedEvents.load(store, events, "scan-1");
      List<ExportedDay> first = store.retention().exportBefore(last, out);
      SimulatedEvents.load(store, events, "scan-2");
      List<ExportedDay> second = store.retention().exportBefore(last, out);

      assertThat(second).hasSameSizeAs(first);
      assertThat(second.get(0).eventsFile())
          .hasFileName("events-" + first.get(0).day() + "-2.parquet");
      assertThat(first.get(0).eventsFile()).exists();
    }
  }

  private EventStore open() {
    return EventStore.open(
        tmp.resolve("store.duckdb"), StoreOptions.defaults(), java.time.Clock.systemUTC(), "test");
  }

  /** Order-independent digest of every column of every row. */
  private static String fingerprint(EventStore store, String from) throws Exception {
    try (Statement s = store.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*), sum(hash(event_id, event_time, day, account, event_name,"
                    + " actor_arn, access_key_id, source_ip, user_agent, resources, raw))::VARCHAR"
                    + " FROM "
                    + from)) {
      r.next();
      return r.getLong(1) + "/" + r.getString(2);
    }
  }
}
