package io.trailhound.source.cloudtrail;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test fixtures under src/test/resources/cloudtrail and a one-call way to read them. */
final class Fixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/cloudtrail/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Input input(Path p) {
    try {
      return Input.file(p, Files.size(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run produced. */
  record Result(IngestReport report, List<Event> events) {
    Event only() {
      if (events.size() != 1) {
        throw new AssertionError("expected one event, got " + events.size() + ": " + report);
      }
      return events.get(0);
    }
  }

  static Result read(String... names) {
    return read(IngestOptions.defaults().withThreads(1), names);
  }

  static Result read(IngestOptions options, String... names) {
    List<Input> inputs = new ArrayList<>();
    for (String name : names) {
      inputs.add(input(path(name)));
    }
    return read(options, inputs);
  }

  static Result read(IngestOptions options, List<Input> inputs) {
    ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    IngestReport report = new IngestService(CLOCK).run(inputs, options, events::add);
    List<Event> list = new ArrayList<>(events);
    list.sort(
        Comparator.comparing((Event e) -> e.origin().location())
            .thenComparing(e -> e.origin().record()));
    return new Result(report, list);
  }

  static Result readBytes(byte[] bytes) {
    return readStream(options(), bytes);
  }

  static IngestOptions options() {
    return IngestOptions.defaults().withThreads(1);
  }

  static Result readStream(IngestOptions options, byte[] bytes) {
    ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    IngestService service = new IngestService(CLOCK, new java.io.ByteArrayInputStream(bytes));
    IngestReport report = service.run(List.of(Input.stdin()), options, events::add);
    return new Result(report, new ArrayList<>(events));
  }
}
