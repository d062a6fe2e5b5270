package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import io.trailhound.source.InputSpec;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeAndParallelTest {

  @TempDir Path tmp;

  @Test
  void drops_events_whose_id_was_seen_in_another_file() throws IOException {
    Path a = Files.copy(Fixtures.path("formats/records.json"), tmp.resolve("a.json"));
    Path b = Files.copy(Fixtures.path("formats/records.json"), tmp.resolve("b.json"));
    Fixtures.Result r =
        Fixtures.read(
            Fixtures.options().withThreads(2), List.of(Fixtures.input(a), Fixtures.input(b)));
    assertThat(r.events()).hasSize(3);
    assertThat(r.report().duplicates()).isEqualTo(3);
    assertThat(r.report().recordsSeen()).isEqualTo(6);
  }

  @Test
  void never_deduplicates_synthesised_ids() throws IOException {
    Path a = Files.copy(Fixtures.path("normaliser/input/no-event-id.json"), tmp.resolve("a.json"));
    Path b = Files.copy(Fixtures.path("normaliser/input/no-event-id.json"), tmp.resolve("b.json"));
    Fixtures.Result r =
        Fixtures.read(Fixtures.options(), List.of(Fixtures.input(a), Fixtures.input(b)));
    assertThat(r.events()).hasSize(2);
    assertThat(r.events().get(0).id()).isEqualTo(r.events().get(1).id());
    assertThat(CloudTrailReader.isSyntheticId(r.events().get(0).id())).isTrue();
    assertThat(r.report().duplicates()).isZero();
  }

  @Test
  void stops_deduplicating_at_the_cap_and_counts_a_warning() throws IOException {
    Path a = Generated.records(tmp.resolve("a.json"), 30, false, i -> Generated.event(i % 20));
    Fixtures.Result r =
        Fixtures.read(Fixtures.options().withDedupeCap(10), List.of(Fixtures.input(a)));
    assertThat(r.report().skipped(SkipReason.DEDUPE_CAP_REACHED)).isEqualTo(1);
    assertThat(r.events()).hasSize(30);
  }

  @Test
  void parallel_reading_gives_the_same_events_as_sequential() throws IOException {
    for (int f = 0; f < 12; f++) {
      int base = f * 300;
      Generated.records(
          tmp.resolve("f" + f + ".json"), 300, f % 2 == 0, i -> Generated.event(base + i));
    }
    Generated.records(tmp.resolve("overlap.json"), 50, false, Generated::event);
    List<Input> inputs = InputSpec.expand(List.of(tmp.toString())).inputs();
    Fixtures.Result one = Fixtures.read(Fixtures.options().withThreads(1), inputs);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicLong lastDone = new AtomicLong();
    IngestOptions parallel =
        Fixtures.options().withThreads(4).withProgress((done, total) -> lastDone.set(done));
    Set<String> ids = ConcurrentHashMap.newKeySet();
    IngestReport many =
        new IngestService(Fixtures.CLOCK)
            .run(
                inputs,
                parallel,
                e -> {
                  threads.add(Thread.currentThread().getName());
                  ids.add(e.id());
                });
    assertThat(ids).isEqualTo(one.events().stream().map(Event::id).collect(Collectors.toSet()));
    assertThat(ids).hasSize(3600);
    assertThat(many.duplicates()).isEqualTo(50).isEqualTo(one.report().duplicates());
    assertThat(many.eventsDelivered()).isEqualTo(3600);
    assertThat(many.bytesRead()).isEqualTo(one.report().bytesRead());
    assertThat(lastDone.get()).isEqualTo(inputs.stream().mapToLong(Input::size).sum());
    assertThat(threads).allMatch(n -> n.startsWith("trailhound-ingest-"));
  }
}
