package io.trailhound.source.cloudtrail;

import io.trailhound.source.findings.AsffFindings;
import io.trailhound.source.findings.GuardDutyFindings;
import io.trailhound.source.findings.InspectorFindings;
import io.trailhound.source.m365.SignInNormaliser;
import io.trailhound.source.m365.UnifiedAuditNormaliser;
import io.trailhound.source.okta.OktaNormaliser;
import java.util.Set;

/**
 * The records other than CloudTrail events that the reader recognises, and how: by their top-level
 * member names (each format's {@code looksLike}, tried in this order, which puts the formats with
 * the most distinctive members first), or by an EventBridge {@code detail-type}.
 */
enum Foreign {
  ASFF,
  GUARDDUTY,
  INSPECTOR,
  OKTA,
  M365_AUDIT,
  ENTRA_SIGNIN,
  /**
   * An EventBridge {@code Security Hub Findings - Imported} event: ASFF findings in {@code
   * detail.findings}.
   */
  SECURITYHUB_EVENT;

  /** The format of an object with these top-level member names, or null. */
  static Foreign of(Set<String> names) {
    if (AsffFindings.looksLike(names)) {
      return ASFF;
    }
    if (GuardDutyFindings.looksLike(names)) {
      return GUARDDUTY;
    }
    if (InspectorFindings.looksLike(names)) {
      return INSPECTOR;
    }
    if (OktaNormaliser.looksLike(names)) {
      return OKTA;
    }
    if (UnifiedAuditNormaliser.looksLike(names)) {
      return M365_AUDIT;
    }
    return SignInNormaliser.looksLike(names) ? ENTRA_SIGNIN : null;
  }

  /** The format of an EventBridge event's {@code detail}, by its {@code detail-type}, or null. */
  static Foreign ofDetailType(String detailType) {
    return switch (detailType) {
      case "GuardDuty Finding" -> GUARDDUTY;
      case "Security Hub Findings - Imported", "Security Hub Findings - Custom Action" ->
          SECURITYHUB_EVENT;
      case "Inspector2 Finding" -> INSPECTOR;
      case "SystemLog" -> OKTA; // Okta's log stream to EventBridge
      default -> null;
    };
  }
}
