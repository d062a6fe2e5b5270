package io.trailhound.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailhound.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus folder given by the {@code trailhound.shared} system property. */
public final class SharedCorpus {

  private SharedCorpus() {}

  /** {@code relative} inside the shared folder; skips the calling test when it is absent. */
  public static Path require(String relative) {
    String shared = System.getProperty("trailhound.shared");
    assumeTrue(shared != null, "trailhound.shared is not set; skipping corpus test");
    Path path = Path.of(shared).resolve(relative);
    assumeTrue(Files.exists(path), "shared corpus " + path + " is absent; skipping corpus test");
    return path;
  }

  /** Every event of the TrailDiscover CloudTrail samples; skips the test when absent. */
  public static List<Event> trailDiscoverEvents() {
    Path dir = require("corpus/logs/cloudtrail/traildiscover/events");
    try (Stream<Path> files = Files.walk(dir)) {
      List<Event> events = new ArrayList<>();
      files
          .filter(f -> f.toString().endsWith(".json.cloudtrail"))
          .sorted()
          .forEach(f -> events.addAll(TestEvents.readCloudTrailArray(f)));
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
