package io.trailhound.investigate;

import java.time.Instant;
import java.util.List;

/**
 * Investigations that share an actor, a session, a key or an address within the merge window, with
 * one timeline.
 *
 * @param id deterministic: derived from the ids of its findings
 * @param first earliest evidence time
 * @param last latest evidence time
 * @param verdict the most serious verdict among its investigations
 * @param shared what linked them ({@code key AKIA…}, {@code ip 203.0.113.9}, ...)
 * @param investigations its investigations, earliest first
 * @param timeline the union of their evidence steps, earliest first
 */
public record Incident(
    String id,
    Instant first,
    Instant last,
    Verdict.Kind verdict,
    List<String> shared,
    List<Investigation> investigations,
    List<Step> timeline) {

  public Incident {
    shared = List.copyOf(shared);
    investigations = List.copyOf(investigations);
    timeline = List.copyOf(timeline);
  }
}
