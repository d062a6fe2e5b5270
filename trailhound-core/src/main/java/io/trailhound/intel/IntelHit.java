package io.trailhound.intel;

import java.util.List;

/**
 * One list's entry matching an address or domain.
 *
 * @param list the list's name
 * @param kind what the list holds
 * @param confidence 0–100: the entry's own (a STIX indicator's or a CSV confidence column) or the
 *     list's
 * @param indicator the matching entry as written in the list ({@code 203.0.113.0/24}, {@code
 *     pool.example.org})
 * @param exact false when a domain matched through a parent domain or an address through a range
 * @param labels the entry's labels (STIX {@code labels} and {@code indicator_types}), may be empty
 * @param reference the entry's id in its source (a STIX indicator id), or null
 * @param listSize how many entries the list holds
 */
public record IntelHit(
    String list,
    IntelKind kind,
    int confidence,
    String indicator,
    boolean exact,
    List<String> labels,
    String reference,
    int listSize) {

  public IntelHit {
    labels = List.copyOf(labels);
  }
}
