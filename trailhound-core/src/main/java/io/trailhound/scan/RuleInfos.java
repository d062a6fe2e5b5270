package io.trailhound.scan;

import io.trailhound.finding.AttackTag;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.RuleHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Finding metadata from a rule's own fields, the same way for detection and correlation rules:
 * level → severity, {@code attack.*} tags → techniques and tactics, the {@code finding_types}
 * custom attribute → GuardDuty-style types.
 */
final class RuleInfos {

  private RuleInfos() {}

  static RuleInfo of(RuleHeader rule) {
    return new RuleInfo(
        rule.ruleId(),
        rule.name() != null ? rule.name() : rule.ruleId(),
        rule.title(),
        rule.description(),
        Severity.parse(rule.level().name()),
        findingTypes(rule.custom().get("finding_types")),
        AttackTag.techniques(rule.tags()),
        AttackTag.tactics(rule.tags()),
        rule.source());
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
