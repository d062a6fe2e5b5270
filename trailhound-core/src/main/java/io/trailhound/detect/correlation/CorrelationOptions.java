package io.trailhound.detect.correlation;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds and lateness of a {@link CorrelationEngine}.
 *
 * @param allowedLateness how far behind the newest event time seen an event may be and still count;
 *     null means unbounded (batch scans: every event counts, whatever the order)
 * @param maxRecordsPerGroup match records kept per (correlation, group); beyond it the earliest (by
 *     event time, then id) are kept and the rest counted as truncated. About 100 bytes each
 * @param maxGroups groups kept per engine; matches for new groups beyond it are dropped and counted
 * @param maxEvidence contributing events kept per result, earliest first
 */
public record CorrelationOptions(
    Duration allowedLateness, int maxRecordsPerGroup, int maxGroups, int maxEvidence) {

  public CorrelationOptions {
    if (allowedLateness != null && allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must not be negative");
    }
    if (maxRecordsPerGroup < 1 || maxGroups < 1 || maxEvidence < 1) {
      throw new IllegalArgumentException("caps must be positive");
    }
  }

  /** Unbounded lateness, 100,000 records per group, 1,000,000 groups, 100 evidence events. */
  public static CorrelationOptions defaults() {
    return new CorrelationOptions(null, 100_000, 1_000_000, 100);
  }

  public CorrelationOptions withAllowedLateness(Duration lateness) {
    return new CorrelationOptions(
        Objects.requireNonNull(lateness, "lateness"), maxRecordsPerGroup, maxGroups, maxEvidence);
  }

  public CorrelationOptions withMaxRecordsPerGroup(int max) {
    return new CorrelationOptions(allowedLateness, max, maxGroups, maxEvidence);
  }

  public CorrelationOptions withMaxGroups(int max) {
    return new CorrelationOptions(allowedLateness, maxRecordsPerGroup, max, maxEvidence);
  }

  public CorrelationOptions withMaxEvidence(int max) {
    return new CorrelationOptions(allowedLateness, maxRecordsPerGroup, maxGroups, max);
  }
}
