package io.trailhound.simulate;

import io.trailhound.simulate.truth.GroundTruth;
import java.nio.file.Path;

/**
 * What a simulation wrote.
 *
 * @param files CloudTrail objects written
 * @param events records written, attack events included
 * @param bytes uncompressed JSON bytes
 * @param logs the {@code AWSLogs} folder
 * @param truthFile the ground-truth file
 * @param other what was written beside CloudTrail
 */
public record SimulationSummary(
    long files,
    long events,
    long bytes,
    Path logs,
    Path truthFile,
    GroundTruth truth,
    Other other) {

  /**
   * The other sources written.
   *
   * @param networkFiles flow log and resolver log objects
   * @param flowRecords VPC flow records
   * @param dnsQueries resolver query log records
   * @param identityFiles Okta, Entra ID and Microsoft 365 daily files
   * @param identityEvents Okta events, Entra ID sign-ins, Unified Audit Log records
   */
  public record Other(
      long networkFiles,
      long flowRecords,
      long dnsQueries,
      long identityFiles,
      long identityEvents) {}

  public long attackEvents() {
    return truth.scenarios().stream().mapToLong(s -> s.eventIds().size()).sum();
  }
}
