package io.trailhound.coverage;

import java.util.List;

/**
 * A catalogue entry and the loaded content that covers it.
 *
 * @param entry the catalogue entry
 * @param coveredBy names of the rules, correlation rules and detectors that declare it; empty when
 *     it is missing
 * @param <T> the kind of entry
 */
public record Covered<T>(T entry, List<String> coveredBy) {

  public Covered {
    coveredBy = List.copyOf(coveredBy);
  }

  public boolean covered() {
    return !coveredBy.isEmpty();
  }
}
