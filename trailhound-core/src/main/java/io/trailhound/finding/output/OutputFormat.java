package io.trailhound.finding.output;

import java.time.Clock;
import java.util.Locale;

/** The machine-readable output formats, each with the writer that produces it. */
public enum OutputFormat {
  /** Trailhound's own schema, one finding per line. */
  JSONL,
  /** OCSF Detection Finding (class 2004), one per line. */
  OCSF,
  /** AWS Security Finding Format, a JSON array for Security Hub import. */
  ASFF;

  /** The writer for this format. */
  public FindingWriter writer(Clock clock, String productVersion) {
    return switch (this) {
      case JSONL -> new JsonlFindingWriter();
      case OCSF -> new OcsfFindingWriter(productVersion);
      case ASFF -> new AsffFindingWriter(clock);
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
