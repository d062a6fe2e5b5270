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
 * @param eventsBySource events delivered per source type ({@code cloudtrail}, {@code okta}, {@code
 *     m365}, {@code entra}); types with none are absent
 * @param externalFindings other tools' findings read (GuardDuty, Security Hub, Inspector)
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
    Duration elapsed,
    Map<String, Long> eventsBySource,
    long externalFindings) {

  public IngestReport {
    skips = Map.copyOf(skips);
    examples = Map.copyOf(examples);
    eventsBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(eventsBySource));
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
