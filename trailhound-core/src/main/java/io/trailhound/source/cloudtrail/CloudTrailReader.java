package io.trailhound.source.cloudtrail;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads CloudTrail inputs into events. One reader serves a whole run and may be used from many
 * threads at once: event ids are deduplicated across everything it reads, and its counters add up.
 */
public final class CloudTrailReader {

  /** The {@link Event#sourceType()} of CloudTrail events. */
  public static final String SOURCE_TYPE = "cloudtrail";

  private final IngestOptions options;
  private final RecordPipeline pipeline;
  private final ReportBuilder report;

  CloudTrailReader(IngestOptions options, ReportBuilder report) {
    this.options = options;
    this.report = report;
    this.pipeline = new RecordPipeline(options, new EventIdSet(options.dedupeCap()), report);
  }

  /** A reader with its own deduplication and counters. */
  public static CloudTrailReader create(IngestOptions options) {
    return new CloudTrailReader(
        options, new ReportBuilder(options.maxExamples(), options.onSkip()));
  }

  /**
   * Reads one file (standard input is read from {@code System.in}). Never throws for bad input:
   * problems become skips in {@link #report}.
   */
  public void read(Input input, Consumer<Event> events) {
    if (input.isStdin()) {
      read(input.location(), System.in, n -> {}, events);
    } else {
      read(input, n -> {}, events);
    }
  }

  /**
   * Reads an open stream, e.g. a classpath resource, under the name {@code location}; the stream is
   * closed afterwards. Never throws for bad input.
   */
  public void read(String location, InputStream in, Consumer<Event> events) {
    read(location, in, n -> {}, events);
  }

  /** What this reader has read so far; {@code elapsed} is left zero. */
  public IngestReport report() {
    return report.build(java.time.Duration.ZERO);
  }

  void read(Input input, LongConsumer progress, Consumer<Event> events) {
    String location = input.location();
    if (isDigestPath(location)) {
      report.files.increment();
      report.digests.increment();
      long size = Math.max(input.size(), 0);
      report.bytes.add(size);
      progress.accept(size);
      return;
    }
    InputStream in;
    try {
      in = Files.newInputStream(input.path());
    } catch (IOException | RuntimeException e) {
      report.skip(SkipReason.UNREADABLE, location, -1, e.getClass().getSimpleName());
      return;
    }
    read(location, in, progress, events);
  }

  /** Reads an open stream (closed afterwards). */
  void read(String location, InputStream source, LongConsumer progress, Consumer<Event> events) {
    report.files.increment();
    LongConsumer counted =
        n -> {
          report.bytes.add(n);
          progress.accept(n);
        };
    FileReading reading = null;
    try (InputStream in = Opened.open(source, counted)) {
      reading = new FileReading(location, in, pipeline, options.maxRecordBytes(), events);
      reading.run();
    } catch (Opened.GzipException e) {
      long at = reading == null ? 0 : reading.index();
      report.skip(SkipReason.CORRUPT_GZIP, location, at, e.getMessage());
    } catch (IOException e) {
      long at = reading == null ? -1 : reading.index();
      report.skip(SkipReason.UNREADABLE, location, at, e.getClass().getSimpleName());
    }
  }

  /**
   * Whether an event id was synthesised from the raw bytes because the record had no {@code
   * eventID}; such ids identify the bytes, not the event, and are never used for deduplication.
   */
  public static boolean isSyntheticId(String eventId) {
    return eventId.startsWith(Normaliser.SYNTHETIC_PREFIX);
  }

  static boolean isDigestPath(String location) {
    return location.replace('\\', '/').contains("/CloudTrail-Digest/")
        || location.startsWith("CloudTrail-Digest/");
  }
}
