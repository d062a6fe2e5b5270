package io.trailhound.finding;

import java.util.Locale;

/** How urgent a finding is; ordered from least to most severe. */
public enum Severity {
  INFO("info", "INFORMATIONAL", 1, 0),
  LOW("low", "LOW", 2, 1),
  MEDIUM("medium", "MEDIUM", 3, 40),
  HIGH("high", "HIGH", 4, 70),
  CRITICAL("critical", "CRITICAL", 5, 90);

  private final String label;
  private final String asffLabel;
  private final int ocsfId;
  private final int asffNormalized;

  Severity(String label, String asffLabel, int ocsfId, int asffNormalized) {
    this.label = label;
    this.asffLabel = asffLabel;
    this.ocsfId = ocsfId;
    this.asffNormalized = asffNormalized;
  }

  /** The lower-case name used in JSON output and on the command line. */
  public String label() {
    return label;
  }

  /** Security Hub's {@code Severity.Label}. */
  public String asffLabel() {
    return asffLabel;
  }

  /** Security Hub's {@code Severity.Normalized} for this label. */
  public int asffNormalized() {
    return asffNormalized;
  }

  /** OCSF {@code severity_id}. */
  public int ocsfId() {
    return ocsfId;
  }

  /** OCSF {@code severity} caption. */
  public String ocsfName() {
    return this == INFO
        ? "Informational"
        : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
  }

  /**
   * Parses a severity label or a Sigma level ({@code informational} is {@code info}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("informational")) {
      return INFO;
    }
    for (Severity s : values()) {
      if (s.label.equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "': expected info, low, medium, high or critical");
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
