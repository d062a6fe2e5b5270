package io.trailhound.cli;

import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Step;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The incidents a user should look at first, each with the head of its timeline. */
final class IncidentsSummary {

  /** Shared identities named on an incident's line; the report lists them all. */
  private static final int MAX_LINKS = 5;

  private IncidentsSummary() {}

  /** Whole seconds, so identity-provider times (milliseconds) keep the columns aligned. */
  private static Instant seconds(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
  }

  private static String linkedBy(List<String> shared) {
    if (shared.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", shared.subList(0, Math.min(MAX_LINKS, shared.size())));
    String more = shared.size() > MAX_LINKS ? " and " + (shared.size() - MAX_LINKS) + " more" : "";
    return "  linked by " + TerminalText.safe(shown) + more;
  }

  /** The resolved actor, else what the finding itself names (network findings: the instance). */
  private static String actor(Investigation inv) {
    String resolved = inv.actor().display();
    boolean unknown = resolved == null || resolved.isEmpty() || resolved.equals("unknown");
    return unknown && inv.reported() != null ? inv.reported().actor() : resolved;
  }

  /**
   * Prints up to {@code maxIncidents} incidents, most serious verdict first (then earliest), each
   * with its findings and the first {@code maxSteps} steps of its timeline.
   */
  static void print(List<Incident> incidents, int maxIncidents, int maxSteps, PrintWriter out) {
    List<Incident> sorted = Incidents.bySeriousness(incidents);
    out.printf(Locale.ROOT, "Incidents: %d%n", incidents.size());
    for (Incident incident : sorted.subList(0, Math.min(maxIncidents, sorted.size()))) {
      out.println();
      out.printf(
          Locale.ROOT,
          "%s  %s  %s .. %s%s%n",
          incident.verdict().label().toUpperCase(Locale.ROOT),
          TerminalText.safe(incident.id()),
          seconds(incident.first()),
          seconds(incident.last()),
          linkedBy(incident.shared()));
      for (Investigation inv : incident.investigations()) {
        out.println(
            "  finding: "
                + TerminalText.safe(inv.title())
                + " ["
                + inv.severity().label()
                + "] actor "
                + TerminalText.safe(actor(inv)));
      }
      List<Step> steps = incident.timeline();
      for (Step s : steps.subList(0, Math.min(maxSteps, steps.size()))) {
        out.printf(
            Locale.ROOT,
            "    %s  %-22s %-34s %-16s %s%n",
            seconds(s.time()),
            TerminalText.safe(s.tactic()),
            TerminalText.safe(s.api()),
            TerminalText.safe(s.ip()),
            s.errorCode() == null ? "ok" : TerminalText.safe(s.errorCode()));
      }
      if (steps.size() > maxSteps) {
        out.printf(Locale.ROOT, "    ... %d more steps%n", steps.size() - maxSteps);
      }
    }
    if (sorted.size() > maxIncidents) {
      out.printf(
          Locale.ROOT, "%n... %d more incidents in the report%n", sorted.size() - maxIncidents);
    }
  }
}
