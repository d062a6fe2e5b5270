package io.trailhound.scan.intel;

import io.trailhound.finding.Severity;
import io.trailhound.intel.IntelHit;
import io.trailhound.scan.DetectorMetadata;
import java.util.List;

/**
 * Severity of an intel finding: the type's level (GuardDuty's), one step down when the strongest
 * entry's confidence is below {@code confidence_low}, one step up at or above {@code
 * confidence_high}, and one more for a command-and-control list; never below low.
 */
final class IntelSeverity {

  private IntelSeverity() {}

  static Severity of(Severity base, List<IntelHit> hits, DetectorMetadata metadata) {
    int confidence = hits.stream().mapToInt(IntelHit::confidence).max().orElse(0);
    int weight = hits.stream().mapToInt(h -> h.kind().weight()).max().orElse(0);
    int steps = weight;
    if (confidence < metadata.number("confidence_low", 50)) {
      steps--;
    } else if (confidence >= metadata.number("confidence_high", 85)) {
      steps++;
    }
    Severity[] all = Severity.values();
    int at = Math.max(Severity.LOW.ordinal(), Math.min(all.length - 1, base.ordinal() + steps));
    return all[at];
  }
}
