package io.trailhound.testing;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import io.trailhound.source.SkipReason;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import io.trailhound.source.findings.ExternalFinding;
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

/** Reads identity-log and finding fixtures (src/test/resources/identity) the way scan does. */
public final class IdentityReading {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);

  private IdentityReading() {}

  /** What a run read: events and findings in input order, and the report. */
  public record Result(IngestReport report, List<Event> events, List<ExternalFinding> findings) {
    public long skipped(SkipReason reason) {
      return report.skipped(reason);
    }

    public Event event(String id) {
      return events.stream()
          .filter(e -> e.id().equals(id))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no event " + id + " in " + events));
    }

    public ExternalFinding finding(String id) {
      return findings.stream()
          .filter(f -> f.id().equals(id))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no finding " + id + " in " + findings));
    }
  }

  /** A fixture file under {@code identity/}. */
  public static Path fixture(String name) {
    URL url = IdentityReading.class.getResource("/identity/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads fixtures under {@code identity/}. */
  public static Result fixtures(String... names) {
    List<Path> paths = new ArrayList<>();
    for (String name : names) {
      paths.add(fixture(name));
    }
    return read(IngestOptions.defaults().withThreads(1), paths);
  }

  /** Reads files. */
  public static Result read(IngestOptions options, List<Path> paths) {
    List<Input> inputs = new ArrayList<>();
    for (Path p : paths) {
      try {
        inputs.add(Input.file(p, Files.size(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<ExternalFinding> findings = new ConcurrentLinkedQueue<>();
    IngestReport report =
        new IngestService(CLOCK).run(inputs, options.withOnFinding(findings::add), events::add);
    List<Event> e = new ArrayList<>(events);
    e.sort(
        Comparator.comparing((Event x) -> x.origin().location())
            .thenComparing(x -> x.origin().record()));
    List<ExternalFinding> f = new ArrayList<>(findings);
    f.sort(
        Comparator.comparing((ExternalFinding x) -> x.origin().location())
            .thenComparing(x -> x.origin().record()));
    return new Result(report, e, f);
  }
}
