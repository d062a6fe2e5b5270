package io.trailhound.investigate.report;

import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Link;
import io.trailhound.investigate.Persistence;
import io.trailhound.investigate.ResponseAction;
import io.trailhound.investigate.Step;
import io.trailhound.investigate.Verdict;
import java.io.PrintWriter;
import java.util.List;

/** Incidents as Markdown for tickets and chat: one section per incident, timeline as a table. */
public final class MarkdownReport {

  /** Timeline rows printed per incident; the JSON has them all. */
  static final int MAX_ROWS = 200;

  private MarkdownReport() {}

  public static void write(List<Incident> incidents, long overflow, PrintWriter out) {
    out.println("# Trailhound incidents");
    out.println();
    out.println(incidents.size() + " incident(s).");
    if (overflow > 0) {
      out.println();
      out.println("**Evidence may be incomplete:** " + overflow + " events were not indexed.");
    }
    for (Incident i : Incidents.bySeriousness(incidents)) {
      out.println();
      out.println("## " + i.id() + " — " + i.verdict().label());
      out.println();
      out.println("- first: " + i.first() + ", last: " + i.last());
      if (!i.shared().isEmpty()) {
        out.println("- merged on: " + Escape.markdown(String.join("; ", i.shared())));
      }
      for (Investigation inv : i.investigations()) {
        out.println();
        out.println(
            "### "
                + Escape.markdown(inv.title())
                + " ("
                + inv.severity().label()
                + ", triage "
                + inv.triage().score()
                + ")");
        out.println();
        out.println("- finding: `" + inv.findingId() + "` rule " + Escape.markdown(inv.rule()));
        out.println("- actor: " + Escape.markdown(inv.actor().display()));
        for (Link l : inv.actor().links()) {
          out.println(
              "  - "
                  + Escape.markdown(l.from())
                  + " → "
                  + Escape.markdown(l.to())
                  + " ("
                  + l.kind()
                  + ", event "
                  + Escape.markdown(l.evidence())
                  + ")");
        }
        Step zero = inv.timeline().patientZero();
        if (zero != null) {
          out.println(
              "- patient zero: "
                  + zero.time()
                  + " "
                  + Escape.markdown(zero.api())
                  + " from "
                  + Escape.markdown(zero.ip())
                  + " (event "
                  + Escape.markdown(zero.eventId())
                  + "); dwell "
                  + inv.timeline().dwell());
        }
        out.println("- verdict: **" + inv.verdict().kind().label() + "**");
        for (Verdict.Reason r : inv.verdict().reasons()) {
          out.println("  - " + Escape.markdown(r.text()) + evidence(r.evidence()));
        }
        for (Persistence p : inv.persistence()) {
          out.println(
              "- persistence: "
                  + p.kind()
                  + " "
                  + Escape.markdown(p.target())
                  + (p.stillPresent() ? " (still present)" : " (removed)"));
        }
        for (ResponseAction a : inv.response()) {
          out.println("- response: " + a.action() + " " + Escape.markdown(a.target()));
        }
      }
      out.println();
      out.println("| time | api | source | tactic | outcome | event |");
      out.println("|---|---|---|---|---|---|");
      int n = 0;
      for (Step s : i.timeline()) {
        if (n++ == MAX_ROWS) {
          out.println(
              "| … | "
                  + (i.timeline().size() - MAX_ROWS)
                  + " more steps in incidents.json | | | | |");
          break;
        }
        out.println(
            "| "
                + s.time()
                + " | "
                + Escape.markdown(s.api())
                + " | "
                + Escape.markdown(s.ip())
                + " | "
                + s.tactic()
                + " | "
                + (s.errorCode() == null ? "ok" : Escape.markdown(s.errorCode()))
                + " | "
                + Escape.markdown(s.eventId())
                + " |");
      }
    }
    out.flush();
  }

  private static String evidence(List<String> ids) {
    return ids.isEmpty() ? "" : " (events " + Escape.markdown(String.join(", ", ids)) + ")";
  }
}
