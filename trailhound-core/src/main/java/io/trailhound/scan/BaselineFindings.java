package io.trailhound.scan;

import io.trailhound.detect.baseline.BaselineAlert;
import io.trailhound.detect.baseline.Sighting;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingIds;
import io.trailhound.finding.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns baseline anomalies into {@link Finding}s labelled from their detectors' metadata. */
final class BaselineFindings {

  private BaselineFindings() {}

  static List<Finding> toFindings(List<BaselineAlert> alerts) {
    Map<String, RuleInfo> infos = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (BaselineAlert a : alerts) {
      RuleInfo info =
          infos.computeIfAbsent(a.detectorId(), id -> DetectorMetadata.builtin(id).info());
      out.add(toFinding(a, info));
    }
    return out;
  }

  static Finding toFinding(BaselineAlert a, RuleInfo info) {
    Sighting s = a.sighting();
    String key = String.join("|", a.detectorId(), a.kind().label(), a.actorId(), a.subject());
    String actor = s != null && s.principalArn() != null ? s.principalArn() : a.actorId();
    List<String> keys = new ArrayList<>();
    if (s != null && s.accessKeyId() != null) {
      keys.add(s.accessKeyId());
    }
    List<String> ips = new ArrayList<>();
    if (s != null && s.ip() != null) {
      ips.add(s.ip());
    }
    return new Finding(
        FindingIds.stable(key),
        key,
        info,
        s == null ? null : s.account(),
        s == null ? null : s.region(),
        actor,
        s == null ? null : s.actorType(),
        keys,
        ips,
        List.of(),
        a.firstSeen(),
        a.lastSeen(),
        a.eventCount(),
        a.evidence(),
        s == null ? List.of() : List.of(s.view()),
        a.explanation());
  }
}
