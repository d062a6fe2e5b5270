package io.trailhound.scan;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import java.util.List;
import java.util.Set;

/**
 * A stateful detector plugged into a scan beside the rule engine: behaviour baselines, threat-intel
 * matching, and whatever else watches every event. One instance serves one scan.
 */
public interface ScanStage {

  /** Builds a fresh stage for one scan (stages hold one scan's state). */
  @FunctionalInterface
  interface Factory {
    ScanStage create();
  }

  /** Raw CloudTrail paths the stage reads through {@link Event#values}, beyond the view. */
  default Set<String> requiredPaths() {
    return Set.of();
  }

  /** Sees every event once; called from reader threads concurrently, in no particular order. */
  void accept(Event event);

  /**
   * Called once after the last event: the stage's findings. Results must not depend on the order
   * events arrived in.
   */
  List<Finding> finish();
}
