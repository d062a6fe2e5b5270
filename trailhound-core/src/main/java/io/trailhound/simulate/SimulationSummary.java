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
 */
public record SimulationSummary(
    long files, long events, long bytes, Path logs, Path truthFile, GroundTruth truth) {

  public long attackEvents() {
    return truth.scenarios().stream().mapToLong(s -> s.eventIds().size()).sum();
  }
}
