package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pivot answers exactly what a filter over the same events answers, in the same order. */
class PivotsTest {

  @TempDir static Path tmp;
  static List<Event> events;
  static EventStore store;

  @BeforeAll
  static void load() throws Exception {
    events = SimulatedEvents.shared();
    store = EventStore.open(tmp.resolve("store.duckdb"), small(), Clock.systemUTC(), "test");
    SimulatedEvents.load(store, events, "scan-1");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** Small batches so the test crosses many batch boundaries, as a large load does. */
  static StoreOptions small() {
    return StoreOptions.defaults().withBatchRows(1_000);
  }

  @Test
  void stores_every_event_once() {
    assertThat(store.eventCount()).isEqualTo(events.size()).isGreaterThan(5_000);
  }

  @Test
  void actor_pivots_match_the_reference_for_busy_and_rare_actors() {
    for (String arn : sample(v -> v.actor().principalArn())) {
      check(new Pivot.ActorArn(arn), v -> arn.equals(v.actor().principalArn()));
    }
  }

  @Test
  void access_key_pivots_match_the_reference() {
    for (String key : sample(v -> v.actor().accessKeyId())) {
      check(new Pivot.AccessKey(key), v -> key.equals(v.actor().accessKeyId()));
    }
  }

  @Test
  void role_session_pivots_match_issuer_and_session_name_together() {
    for (String session :
        sample(
            v ->
                v.actor().sessionIssuerArn() == null || v.actor().sessionName() == null
                    ? null
                    : v.actor().sessionIssuerArn() + "\n" + v.actor().sessionName())) {
      String[] parts = session.split("\n", 2);
      check(
          new Pivot.RoleSession(parts[0], parts[1]),
          v ->
              parts[0].equals(v.actor().sessionIssuerArn())
                  && parts[1].equals(v.actor().sessionName()));
    }
  }

  @Test
  void source_ip_pivots_match_the_reference() {
    for (String ip : sample(v -> v.source().ip())) {
      check(new Pivot.SourceIp(ip), v -> ip.equals(v.source().ip()));
    }
  }

  @Test
  void resource_pivots_find_every_event_naming_the_arn() {
    Map<String, Long> counts =
        events.stream()
            .flatMap(e -> e.view().resources().stream().map(Resource::arn))
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts).isNotEmpty();
    for (String arn : pick(counts)) {
      check(
          new Pivot.ResourceArn(arn),
          v -> v.resources().stream().anyMatch(r -> arn.equals(r.arn())));
    }
  }

  @Test
  void pivots_return_the_raw_json_as_read() {
    Event first = events.get(0);
    List<StoredEvent> found =
        store
            .pivots()
            .events(
                new Pivot.ActorArn(first.view().actor().principalArn()),
                new TimeRange(first.view().time(), first.view().time().plusNanos(1_000)),
                1_000);
    assertThat(found)
        .filteredOn(s -> s.eventId().equals(first.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.raw()).isEqualTo(first.rawJson());
              assertThat(s.time()).isEqualTo(first.view().time());
              assertThat(s.eventName()).isEqualTo(first.view().api());
            });
  }

  @Test
  void an_unknown_value_finds_nothing() {
    assertThat(
            store
                .pivots()
                .events(new Pivot.ActorArn("arn:aws:iam::1:user/nobody"), TimeRange.ALL, 10))
        .isEmpty();
    assertThat(
            store.pivots().events(new Pivot.ResourceArn("arn:aws:s3:::nobody"), TimeRange.ALL, 10))
        .isEmpty();
  }

  /** Checks the pivot over all time, over a window in the middle, and with a small limit. */
  private static void check(Pivot pivot, Predicate<EventView> matches) {
    Instant start = events.stream().map(e -> e.view().time()).min(Instant::compareTo).orElseThrow();
    List<TimeRange> ranges =
        List.of(
            TimeRange.ALL,
            new TimeRange(start.plus(Duration.ofHours(20)), start.plus(Duration.ofHours(40))),
            new TimeRange(start.plus(Duration.ofHours(30)), null),
            new TimeRange(null, start.plus(Duration.ofHours(30))));
    for (TimeRange range : ranges) {
      for (int limit : new int[] {5, 100_000}) {
        List<String> expected =
            events.stream()
                .map(Event::view)
                .filter(matches)
                .filter(v -> range.from() == null || !v.time().isBefore(range.from()))
                .filter(v -> range.to() == null || v.time().isBefore(range.to()))
                .sorted(Comparator.comparing(EventView::time).thenComparing(EventView::eventId))
                .limit(limit)
                .map(EventView::eventId)
                .toList();
        List<String> actual =
            store.pivots().events(pivot, range, limit).stream().map(StoredEvent::eventId).toList();
        assertThat(actual).as("%s %s limit %d", pivot, range, limit).isEqualTo(expected);
      }
    }
  }

  /** The busiest, a middling and the rarest values of a field. */
  private static List<String> sample(Function<EventView, String> field) {
    Map<String, Long> counts =
        events.stream()
            .map(e -> field.apply(e.view()))
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts).hasSizeGreaterThan(2);
    return pick(counts);
  }

  private static List<String> pick(Map<String, Long> counts) {
    List<String> byCount =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    return List.of(byCount.get(0), byCount.get(byCount.size() / 2), byCount.get(byCount.size() - 1))
        .stream()
        .distinct()
        .toList();
  }
}
