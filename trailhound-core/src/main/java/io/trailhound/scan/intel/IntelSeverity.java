package io.trailhound.scan.intel;

import io.trailhound.finding.Severity;
import io.trailhound.intel.IntelHit;
import io.trailhound.scan.DetectorMetadata;
import java.util.List;

/**
 * Severity of an intel finding: the type's level (GuardDuty's), one step down when the strongest
 * entry's confidence is below {@code confidence_low}, one step up (to high at most) at or above
 * {@code confidence_high}, then one more for a command-and-control list. Never below low; only a C2
 * match reaches critical, since a listed scanner reading bucket names is not an emergency.
 */
final class IntelSeverity {

  private IntelSeverity() {}

  static Severity of(Severity base, List<IntelHit> hits, DetectorMetadata metadata) {
    int confidence = hits.stream().mapToInt(IntelHit::confidence).max().orElse(0);
    int weight = hits.stream().mapToInt(h -> h.kind().weight()).max().orElse(0);
    int at = base.ordinal();
    if (confidence < metadata.number("confidence_low", 50)) {
      at--;
    } else if (confidence >= metadata.number("confidence_high", 85)) {
      at = Math.max(at, Math.min(at + 1, Severity.HIGH.ordinal()));
    }
    at = Math.max(Severity.LOW.ordinal(), at) + weight;
    return Severity.values()[Math.min(Severity.CRITICAL.ordinal(), at)];
  }
}
