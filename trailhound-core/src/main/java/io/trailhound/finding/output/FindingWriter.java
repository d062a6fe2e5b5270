package io.trailhound.finding.output;

import io.trailhound.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Serialises findings in one output format. */
public interface FindingWriter {

  /** Writes all findings to {@code out}; does not close it. */
  void write(List<Finding> findings, Writer out) throws IOException;
}
