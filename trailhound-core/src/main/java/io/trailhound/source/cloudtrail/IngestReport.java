package io.trailhound.source.cloudtrail;

import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run read.
 *
 * @param filesRead inputs opened (standard input counts as one)
 * @param bytesRead bytes taken from the inputs (compressed size for gzip)
 * @param recordsSeen records framed, whatever became of them
 * @param eventsDelivered events handed to the consumer
 * @param duplicates records dropped because their eventID was already seen
 * @param digestFiles CloudTrail digest files recognised (and not read as events)
 * @param skips number of skips per reason (reasons with none are absent)
 * @param examples up to {@code maxExamples} skips per reason, in the order they happened per thread
 * @param elapsed wall time of the run, from the injected clock
 */
public record IngestReport(
    long filesRead,
    long bytesRead,
    long recordsSeen,
    long eventsDelivered,
    long duplicates,
    long digestFiles,
    Map<SkipReason, Long> skips,
    Map<SkipReason, List<Skip>> examples,
    Duration elapsed) {

  public IngestReport {
    skips = Map.copyOf(skips);
    examples = Map.copyOf(examples);
  }

  /** Skips of one reason. */
  public long skipped(SkipReason reason) {
    return skips.getOrDefault(reason, 0L);
  }

  /** All skips. */
  public long skipped() {
    return skips.values().stream().mapToLong(Long::longValue).sum();
  }
}
