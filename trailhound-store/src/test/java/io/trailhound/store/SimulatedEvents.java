package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.simulate.SimulationOptions;
import io.trailhound.simulate.Simulator;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A small simulated organisation's CloudTrail, read back as events (fixed seed: same events). */
final class SimulatedEvents {

  private static List<Event> shared;

  private SimulatedEvents() {}

  /** Three days of a small organisation (about 12,000 events), generated once per test run. */
  static synchronized List<Event> shared() throws IOException {
    if (shared == null) {
      Path dir = Path.of("target", "simulated-events");
      deleteTree(dir);
      shared = generate(dir, 5, 3);
    }
    return shared;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static List<Event> generate(Path dir, long seed, int days) throws IOException {
    Simulator.run(
        SimulationOptions.defaults(seed, dir).withAccounts(2).withScale(0.2).withDays(days));
    List<Event> events = Collections.synchronizedList(new ArrayList<>());
    new IngestService(Clock.systemUTC())
        .run(
            InputSpec.expand(List.of(dir.resolve("AWSLogs").toString())),
            IngestOptions.defaults().withThreads(2),
            events::add);
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::id));
    return List.copyOf(sorted);
  }

  /** Loads {@code events} into {@code store} through one writer, as a scan does. */
  static WriteStats load(EventStore store, List<Event> events, String scanId) {
    EventWriter writer = store.writer(scanId);
    events.parallelStream().forEach(writer::offer);
    return writer.finish();
  }
}
