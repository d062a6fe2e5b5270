package io.trailhound.coverage;

/** What kind of loaded content declares coverage. */
public enum ContentKind {
  /** A single-event Sigma rule. */
  RULE,
  /** A Sigma correlation rule. */
  CORRELATION,
  /** A built-in Java detector, by its metadata file. */
  DETECTOR
}
