package io.trailhound.investigate;

import java.util.List;
import java.util.Locale;

/**
 * The conclusion of an investigation, with every reason and the events behind it.
 *
 * @param kind malicious, suspicious or benign-explained
 * @param reasons why, strongest first
 */
public record Verdict(Kind kind, List<Reason> reasons) {

  public Verdict {
    reasons = List.copyOf(reasons);
  }

  /** The three verdicts. */
  public enum Kind {
    MALICIOUS,
    SUSPICIOUS,
    BENIGN_EXPLAINED;

    /** {@code malicious}, {@code suspicious}, {@code benign-explained}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One reason.
   *
   * @param text what was seen, in words and numbers
   * @param evidence ids of the events that show it (a handful)
   */
  public record Reason(String text, List<String> evidence) {
    public Reason {
      evidence = List.copyOf(evidence);
    }
  }
}
