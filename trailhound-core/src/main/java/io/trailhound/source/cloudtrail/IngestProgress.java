package io.trailhound.source.cloudtrail;

/**
 * Receives progress while inputs are read, for a progress bar. Called from worker threads, so
 * implementations must be thread-safe; calls are throttled (about once per MiB, and once at the
 * end).
 */
@FunctionalInterface
public interface IngestProgress {

  IngestProgress NONE = (done, total) -> {};

  /**
   * @param bytesDone bytes read so far from the inputs (compressed size for gzip files)
   * @param bytesTotal sum of the sizes of the inputs known in advance (standard input is unknown)
   */
  void progress(long bytesDone, long bytesTotal);
}
