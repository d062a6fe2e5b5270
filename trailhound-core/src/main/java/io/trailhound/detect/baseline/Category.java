package io.trailhound.detect.baseline;

/**
 * API categories an actor's first use of which is worth a finding, after GuardDuty's
 * AnomalousBehavior families. Each maps to one detector (metadata file) id.
 */
public enum Category {
  DISCOVERY("discovery", "th-baseline-anomalous-discovery"),
  PERSISTENCE("persistence", "th-baseline-anomalous-persistence"),
  PRIVILEGE_ESCALATION("privilege-escalation", "th-baseline-anomalous-privilege-escalation"),
  CREDENTIAL_ACCESS("credential-access", "th-baseline-anomalous-credential-access"),
  EXFILTRATION("exfiltration", "th-baseline-anomalous-exfiltration"),
  IMPACT("impact", "th-baseline-anomalous-impact"),
  DEFENSE_EVASION("defense-evasion", "th-baseline-anomalous-defense-evasion"),
  INITIAL_ACCESS("initial-access", "th-baseline-anomalous-initial-access"),
  S3_DISCOVERY("s3-discovery", "th-baseline-s3-anomalous-discovery"),
  S3_READ("s3-read", "th-baseline-s3-anomalous-read"),
  S3_DELETE("s3-delete", "th-baseline-s3-anomalous-delete"),
  S3_PERMISSION("s3-permission", "th-baseline-s3-anomalous-permission"),
  S3_WRITE("s3-write", "th-baseline-s3-anomalous-write");

  private final String label;
  private final String detectorId;

  Category(String label, String detectorId) {
    this.label = label;
    this.detectorId = detectorId;
  }

  /** The name used in api-categories.tsv, the state file and explanations. */
  public String label() {
    return label;
  }

  /** The detector that reports a first use of this category. */
  public String detectorId() {
    return detectorId;
  }

  static Category fromLabel(String label) {
    for (Category c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    return null;
  }
}
