package io.trailhound.scan;

import io.trailhound.integrity.PublicKeys;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a scan.
 *
 * @param threads worker threads (files are read in parallel)
 * @param maxRecordBytes records larger than this are skipped as too large
 * @param progress receives bytes done / total while reading
 * @param digestRoots folders whose CloudTrail digest files, if any, are verified
 * @param keys public keys for digest signatures; null when the user gave none (hashes and the chain
 *     are still checked, signatures are not)
 * @param stages stateful detectors that see every event beside the rules (baselines, intel)
 */
public record ScanOptions(
    int threads,
    long maxRecordBytes,
    IngestProgress progress,
    List<Path> digestRoots,
    PublicKeys keys,
    List<ScanStage.Factory> stages) {

  public ScanOptions {
    Objects.requireNonNull(progress, "progress");
    digestRoots = List.copyOf(digestRoots);
    stages = List.copyOf(stages);
  }

  /** One thread per processor, the reader's default record limit, no progress. */
  public static ScanOptions defaults() {
    return new ScanOptions(
        Runtime.getRuntime().availableProcessors(),
        IngestOptions.DEFAULT_MAX_RECORD_BYTES,
        IngestProgress.NONE,
        List.of(),
        null,
        List.of());
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(n, maxRecordBytes, progress, digestRoots, keys, stages);
  }

  public ScanOptions withMaxRecordBytes(long max) {
    return new ScanOptions(threads, max, progress, digestRoots, keys, stages);
  }

  /** Verifies the digests under {@code roots}, with {@code keys} (null: signatures unchecked). */
  public ScanOptions withIntegrity(List<Path> roots, PublicKeys publicKeys) {
    return new ScanOptions(threads, maxRecordBytes, progress, roots, publicKeys, stages);
  }

  public ScanOptions withProgress(IngestProgress p) {
    return new ScanOptions(threads, maxRecordBytes, p, digestRoots, keys, stages);
  }

  /** Adds a stateful detector to the scan. */
  public ScanOptions withStage(ScanStage.Factory stage) {
    List<ScanStage.Factory> all = new ArrayList<>(stages);
    all.add(stage);
    return new ScanOptions(threads, maxRecordBytes, progress, digestRoots, keys, all);
  }
}
