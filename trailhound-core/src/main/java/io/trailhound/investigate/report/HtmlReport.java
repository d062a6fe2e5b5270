package io.trailhound.investigate.report;

import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Link;
import io.trailhound.investigate.Persistence;
import io.trailhound.investigate.PrivescMatch;
import io.trailhound.investigate.ResponseAction;
import io.trailhound.investigate.Step;
import io.trailhound.investigate.Triage;
import io.trailhound.investigate.Verdict;
import java.io.PrintWriter;
import java.util.List;

/**
 * One self-contained HTML page: inline CSS, inline SVG, no script and no external resource, every
 * log-derived string escaped. Safe to open from an incident ticket.
 */
public final class HtmlReport {

  /** Timeline rows shown per incident; the JSON has them all. */
  static final int MAX_ROWS = 500;

  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330}"
          + "h1{font-size:22px}h2{font-size:18px;border-top:2px solid #ccd;padding-top:12px}"
          + "h3{font-size:15px}table{border-collapse:collapse;margin:8px 0}"
          + "td,th{border:1px solid #ccd;padding:2px 6px;text-align:left;vertical-align:top}"
          + "th{background:#eef}.malicious{color:#a00;font-weight:bold}"
          + ".suspicious{color:#b60;font-weight:bold}.benign-explained{color:#070;font-weight:bold}"
          + ".fail{color:#a00}code{font-size:12px}"
          + ".graph rect{fill:#f4f6fb;stroke:#8894b0}.graph .actor rect{fill:#fde8e8}"
          + ".graph .res rect{fill:#eaf6ea}.graph text{font:11px monospace;fill:#1d2330}"
          + ".edge{stroke:#99a;stroke-width:1}";

  private HtmlReport() {}

  public static void write(List<Incident> incidents, long overflow, PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
            + " 'unsafe-inline'\">");
    out.println("<title>Trailhound incidents</title><style>" + CSS + "</style></head><body>");
    out.println("<h1>Trailhound incidents</h1>");
    out.println("<p>" + incidents.size() + " incident(s).</p>");
    if (overflow > 0) {
      out.println(
          "<p class=\"fail\">Evidence may be incomplete: "
              + overflow
              + " events were not indexed.</p>");
    }
    for (Incident i : Incidents.bySeriousness(incidents)) {
      incident(i, out);
    }
    out.println("</body></html>");
    out.flush();
  }

  private static void incident(Incident i, PrintWriter out) {
    out.println(
        "<h2 id=\""
            + Escape.html(i.id())
            + "\">"
            + Escape.html(i.id())
            + " — <span class=\""
            + i.verdict().label()
            + "\">"
            + i.verdict().label()
            + "</span></h2>");
    out.println("<p>" + i.first() + " to " + i.last());
    if (!i.shared().isEmpty()) {
      out.println("; merged on " + Escape.html(String.join("; ", i.shared())));
    }
    out.println("</p>");
    out.println(EntityGraph.svg(i));
    for (Investigation inv : i.investigations()) {
      investigation(inv, out);
    }
    out.println(
        "<h3>Timeline</h3><table><tr><th>time</th><th>account</th><th>region</th>"
            + "<th>api</th><th>principal</th><th>key</th><th>source</th><th>tactic</th>"
            + "<th>outcome</th><th>event</th></tr>");
    int n = 0;
    for (Step s : i.timeline()) {
      if (n++ == MAX_ROWS) {
        out.println(
            "<tr><td colspan=\"10\">"
                + (i.timeline().size() - MAX_ROWS)
                + " more steps in incidents.json</td></tr>");
        break;
      }
      out.println(
          "<tr><td>"
              + s.time()
              + "</td><td>"
              + Escape.html(s.account())
              + "</td><td>"
              + Escape.html(s.region())
              + "</td><td>"
              + Escape.html(s.api())
              + "</td><td>"
              + Escape.html(s.principal())
              + "</td><td>"
              + Escape.html(s.accessKeyId())
              + "</td><td title=\""
              + Escape.html(s.userAgent())
              + "\">"
              + Escape.html(s.ip())
              + "</td><td>"
              + Escape.html(s.tactic())
              + " "
              + Escape.html(s.technique())
              + "</td><td"
              + (s.errorCode() == null ? ">ok" : " class=\"fail\">" + Escape.html(s.errorCode()))
              + "</td><td><code>"
              + Escape.html(s.eventId())
              + "</code></td></tr>");
    }
    out.println("</table>");
  }

  private static void investigation(Investigation inv, PrintWriter out) {
    out.println(
        "<h3>"
            + Escape.html(inv.title())
            + " <small>("
            + inv.severity().label()
            + ", finding <code>"
            + Escape.html(inv.findingId())
            + "</code>)</small></h3>");
    out.println(
        "<p>Verdict: <span class=\""
            + inv.verdict().kind().label()
            + "\">"
            + inv.verdict().kind().label()
            + "</span>. Triage score "
            + inv.triage().score()
            + " =");
    List<Triage.Factor> factors = inv.triage().factors();
    for (int k = 0; k < factors.size(); k++) {
      Triage.Factor f = factors.get(k);
      out.print(
          (k == 0 ? " " : " × ")
              + f.value()
              + " ("
              + Escape.html(f.name())
              + ": "
              + Escape.html(f.reason())
              + ")");
    }
    out.println("</p><ul>");
    for (Verdict.Reason r : inv.verdict().reasons()) {
      out.println(
          "<li>"
              + Escape.html(r.text())
              + (r.evidence().isEmpty()
                  ? ""
                  : " <code>" + Escape.html(String.join(", ", r.evidence())) + "</code>")
              + "</li>");
    }
    out.println("</ul>");
    out.println("<p>Actor: <b>" + Escape.html(inv.actor().display()) + "</b></p><ul>");
    for (Link l : inv.actor().links()) {
      out.println(
          "<li>"
              + Escape.html(l.from())
              + " → "
              + Escape.html(l.to())
              + " ("
              + Escape.html(l.kind())
              + ", <code>"
              + Escape.html(l.evidence())
              + "</code>)</li>");
    }
    out.println("</ul>");
    var t = inv.timeline();
    if (t.patientZero() != null) {
      out.println(
          "<p>Patient zero "
              + t.patientZero().time()
              + " <code>"
              + Escape.html(t.patientZero().eventId())
              + "</code> ("
              + Escape.html(t.patientZero().api())
              + " from "
              + Escape.html(t.patientZero().ip())
              + "), dwell "
              + t.dwell()
              + ", "
              + t.steps().size()
              + " events, "
              + t.failed()
              + " failed, regions "
              + Escape.html(String.join(", ", t.regions()))
              + ", "
              + t.bytesOut()
              + " bytes out.</p>");
    }
    if (!inv.persistence().isEmpty() || !inv.privesc().isEmpty() || !inv.response().isEmpty()) {
      out.println("<ul>");
      for (Persistence p : inv.persistence()) {
        out.println(
            "<li>Persistence: "
                + Escape.html(p.kind())
                + " "
                + Escape.html(p.target())
                + " — "
                + Escape.html(p.detail())
                + (p.stillPresent() ? " (still present)" : " (removed)")
                + "</li>");
      }
      for (PrivescMatch m : inv.privesc()) {
        out.println(
            "<li>Privilege escalation: "
                + Escape.html(m.id())
                + " "
                + Escape.html(m.method())
                + "</li>");
      }
      for (ResponseAction a : inv.response()) {
        out.println(
            "<li>Response: "
                + Escape.html(a.action())
                + " "
                + Escape.html(a.target())
                + " — <code>"
                + Escape.html(a.command())
                + "</code></li>");
      }
      out.println("</ul>");
    }
  }
}
