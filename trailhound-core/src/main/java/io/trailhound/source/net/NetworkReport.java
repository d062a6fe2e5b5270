package io.trailhound.source.net;

import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import java.util.List;
import java.util.Map;

/**
 * What the network readers read.
 *
 * @param flowFiles flow log files read
 * @param flowBytes their size on disk
 * @param flowLines record lines (or CloudWatch messages) seen, whatever became of them
 * @param flowRecords flow records parsed
 * @param flowEvaluated flow records handed to the detectors (after rollup and sampling)
 * @param noData NODATA records (no traffic in the interval)
 * @param skipData SKIPDATA records (AWS dropped records: traffic the log does not show)
 * @param dnsFiles resolver query log files read
 * @param dnsBytes their size on disk
 * @param dnsRecords query records seen
 * @param dnsQueries queries handed to the detectors
 * @param skips skips per reason, flow and resolver logs together
 * @param examples a few skips per reason
 */
public record NetworkReport(
    long flowFiles,
    long flowBytes,
    long flowLines,
    long flowRecords,
    long flowEvaluated,
    long noData,
    long skipData,
    long dnsFiles,
    long dnsBytes,
    long dnsRecords,
    long dnsQueries,
    Map<SkipReason, Long> skips,
    Map<SkipReason, List<Skip>> examples) {

  /** A run that read no network logs. */
  public static final NetworkReport NONE =
      new NetworkReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

  public NetworkReport {
    skips = Map.copyOf(skips);
    examples = Map.copyOf(examples);
  }

  /** All skips. */
  public long skipped() {
    return skips.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether any network log file was read. */
  public boolean any() {
    return flowFiles + dnsFiles > 0;
  }
}
