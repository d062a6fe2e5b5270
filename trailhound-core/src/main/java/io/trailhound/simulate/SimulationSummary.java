package io.trailhound.simulate;

import io.trailhound.simulate.truth.GroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Every folder of logs the simulation wrote, for a scan to read them all: {@code AWSLogs}
   * (CloudTrail, VPC flow, resolver query logs) and the {@code okta}, {@code entra} and {@code
   * m365} folders beside it.
   */
  public List<Path> inputs() {
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(logs)) {
      out.add(logs);
    }
    for (String source : IDENTITY_FOLDERS) {
      Path dir = logs.resolveSibling(source);
      if (Files.isDirectory(dir)) {
        out.add(dir);
      }
    }
    return out;
  }

  /** {@link #inputs()} as the strings a scan's input list takes. */
  public List<String> inputPaths() {
    return inputs().stream().map(Path::toString).toList();
  }

  private static final List<String> IDENTITY_FOLDERS = List.of("okta", "entra", "m365");

  public long attackEvents() {
    return truth.scenarios().stream().mapToLong(s -> s.eventIds().size()).sum();
  }
}
