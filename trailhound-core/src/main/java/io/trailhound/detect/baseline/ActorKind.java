package io.trailhound.detect.baseline;

/**
 * Whose behaviour a profile describes. One event feeds up to three profiles; when more than one
 * notices the same anomaly, the most specific one (lowest ordinal) reports it.
 */
public enum ActorKind {
  /**
   * A long-term access key ({@code AKIA…}); temporary keys change every session and are skipped.
   */
  ACCESS_KEY("key"),
  /** An IAM principal ARN: a user, the root user, or one role session name. */
  PRINCIPAL("principal"),
  /** A role, over every session it issued (the session issuer ARN). */
  ROLE("role");

  private final String label;

  ActorKind(String label) {
    this.label = label;
  }

  /** The word used in explanations and in the state file. */
  public String label() {
    return label;
  }

  static ActorKind fromLabel(String label) {
    for (ActorKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    return null;
  }
}
