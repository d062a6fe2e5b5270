package io.trailhound.scan;

import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestProgress;
import java.util.Objects;

/**
 * How to run a scan.
 *
 * @param threads worker threads (files are read in parallel)
 * @param maxRecordBytes records larger than this are skipped as too large
 * @param progress receives bytes done / total while reading
 */
public record ScanOptions(int threads, long maxRecordBytes, IngestProgress progress) {

  public ScanOptions {
    Objects.requireNonNull(progress, "progress");
  }

  /** One thread per processor, the reader's default record limit, no progress. */
  public static ScanOptions defaults() {
    return new ScanOptions(
        Runtime.getRuntime().availableProcessors(),
        IngestOptions.DEFAULT_MAX_RECORD_BYTES,
        IngestProgress.NONE);
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(n, maxRecordBytes, progress);
  }

  public ScanOptions withMaxRecordBytes(long max) {
    return new ScanOptions(threads, max, progress);
  }

  public ScanOptions withProgress(IngestProgress p) {
    return new ScanOptions(threads, maxRecordBytes, p);
  }
}
