package io.trailhound.scan;

import io.trailhound.finding.AttackTag;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finding metadata from a rule's own fields, the same way for detection and correlation rules:
 * level → severity, {@code attack.*} tags → techniques and tactics, the {@code finding_types}
 * custom attribute → GuardDuty-style types.
 */
final class RuleInfos {

  private RuleInfos() {}

  static RuleInfo of(
      String ruleId,
      String name,
      String title,
      String description,
      Level level,
      List<String> tags,
      Map<String, Object> custom,
      String origin) {
    return new RuleInfo(
        ruleId,
        name != null ? name : ruleId,
        title,
        description,
        Severity.parse(level.name()),
        findingTypes(custom.get("finding_types")),
        AttackTag.techniques(tags),
        AttackTag.tactics(tags),
        origin);
  }

  private static List<String> findingTypes(Object types) {
    List<String> out = new ArrayList<>();
    if (types instanceof List<?> list) {
      for (Object o : list) {
        if (o != null) {
          out.add(o.toString());
        }
      }
    } else if (types instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
