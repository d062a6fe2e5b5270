package io.trailhound.scan;

import io.trailhound.event.EventView;
import io.trailhound.finding.Finding;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains the correlation findings that chain a detector's findings (a new location, a first
 * bucket listing, an unusual launch): the steps seen, each event by time, call and address, and
 * then, for the events a detector reported, the detector's own explanation — why that step was
 * unusual.
 */
final class ChainExplanations {

  private static final int MAX_STEPS = 8;

  private final Map<String, List<Finding>> byEvent = new HashMap<>();

  /** Remembers the detector findings offered to the correlations, by triggering event id. */
  void offered(Finding detectorFinding) {
    String id = detectorFinding.samples().get(0).eventId();
    byEvent.computeIfAbsent(id, k -> new ArrayList<>()).add(detectorFinding);
  }

  /** {@code findings} with an explanation added to each that chains an offered detector finding. */
  List<Finding> explain(List<Finding> findings) {
    if (byEvent.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      List<Finding> signals = new ArrayList<>();
      for (String id : f.evidence()) {
        signals.addAll(byEvent.getOrDefault(id, List.of()));
      }
      out.add(
          signals.isEmpty() || !f.explanation().isEmpty()
              ? f
              : f.withExplanation(text(f, signals)));
    }
    return out;
  }

  private static String text(Finding chain, List<Finding> signals) {
    StringBuilder b = new StringBuilder();
    b.append(chain.actor())
        .append(": ")
        .append(chain.eventCount())
        .append(" steps in ")
        .append(chain.evidence().size())
        .append(" events between ")
        .append(chain.firstSeen().truncatedTo(ChronoUnit.SECONDS))
        .append(" and ")
        .append(chain.lastSeen().truncatedTo(ChronoUnit.SECONDS))
        .append(" — ");
    List<String> steps = new ArrayList<>();
    for (EventView v : chain.samples()) {
      if (steps.size() == MAX_STEPS) {
        break;
      }
      steps.add(
          v.time().truncatedTo(ChronoUnit.SECONDS)
              + " "
              + v.api()
              + (v.source().ip() != null ? " from " + v.source().ip() : ""));
    }
    b.append(String.join("; ", steps)).append('.');
    Set<String> seen = new LinkedHashSet<>();
    for (Finding s : signals) {
      if (seen.add(s.rule().name() + "\u0000" + s.explanation())) {
        b.append(' ').append(s.rule().name()).append(": ").append(s.explanation());
      }
    }
    return b.toString();
  }
}
