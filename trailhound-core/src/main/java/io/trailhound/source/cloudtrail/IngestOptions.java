package io.trailhound.source.cloudtrail;

import io.trailhound.source.Skip;
import io.trailhound.source.findings.ExternalFinding;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to read CloudTrail inputs.
 *
 * @param capturePaths dotted field paths the rules read; captured while streaming (any other path
 *     still works, from a lazy parse of the raw record)
 * @param captureAllText whether to collect every string and number while streaming (keyword rules)
 * @param threads worker threads for files
 * @param maxRecordBytes records bigger than this are skipped as {@code TOO_LARGE} without being
 *     held in memory
 * @param dedupeCap number of event ids remembered for deduplication before it stops (about 21 to 43
 *     bytes each)
 * @param maxExamples examples kept per skip reason in the report
 * @param progress progress callback
 * @param onSkip called with every skip, on the thread that found it (must be thread-safe); the
 *     report keeps only counts and a few examples
 * @param onFinding called with every finding of another tool that was read (GuardDuty, Security
 *     Hub, Inspector), on the thread that read it (must be thread-safe); by default they are only
 *     counted
 */
public record IngestOptions(
    Set<String> capturePaths,
    boolean captureAllText,
    int threads,
    long maxRecordBytes,
    long dedupeCap,
    int maxExamples,
    IngestProgress progress,
    Consumer<Skip> onSkip,
    Consumer<ExternalFinding> onFinding) {

  public static final long DEFAULT_MAX_RECORD_BYTES = 16L << 20;
  public static final long DEFAULT_DEDUPE_CAP = 4_000_000L;

  public IngestOptions {
    capturePaths = Set.copyOf(capturePaths);
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(onSkip, "onSkip");
    Objects.requireNonNull(onFinding, "onFinding");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (maxRecordBytes < 2 || maxRecordBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
    }
    if (dedupeCap < 1 || maxExamples < 0) {
      throw new IllegalArgumentException("dedupeCap and maxExamples must be positive");
    }
  }

  /**
   * No capture paths, one thread per processor, 16 MiB records, 4 million ids (at most 64 MiB), 5
   * examples.
   */
  public static IngestOptions defaults() {
    return new IngestOptions(
        Set.of(),
        false,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_RECORD_BYTES,
        DEFAULT_DEDUPE_CAP,
        5,
        IngestProgress.NONE,
        skip -> {},
        finding -> {});
  }

  public IngestOptions withCapture(Set<String> paths, boolean allText) {
    return new IngestOptions(
        paths,
        allText,
        threads,
        maxRecordBytes,
        dedupeCap,
        maxExamples,
        progress,
        onSkip,
        onFinding);
  }

  public IngestOptions withThreads(int n) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        n,
        maxRecordBytes,
        dedupeCap,
        maxExamples,
        progress,
        onSkip,
        onFinding);
  }

  public IngestOptions withMaxRecordBytes(long max) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        threads,
        max,
        dedupeCap,
        maxExamples,
        progress,
        onSkip,
        onFinding);
  }

  public IngestOptions withDedupeCap(long cap) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        threads,
        maxRecordBytes,
        cap,
        maxExamples,
        progress,
        onSkip,
        onFinding);
  }

  public IngestOptions withProgress(IngestProgress p) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        threads,
        maxRecordBytes,
        dedupeCap,
        maxExamples,
        p,
        onSkip,
        onFinding);
  }

  public IngestOptions withOnFinding(Consumer<ExternalFinding> listener) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        threads,
        maxRecordBytes,
        dedupeCap,
        maxExamples,
        progress,
        onSkip,
        listener);
  }

  public IngestOptions withOnSkip(Consumer<Skip> listener) {
    return new IngestOptions(
        capturePaths,
        captureAllText,
        threads,
        maxRecordBytes,
        dedupeCap,
        maxExamples,
        progress,
        listener,
        onFinding);
  }
}
