package io.trailhound.cli;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.investigate.EventLookup;
import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Investigator;
import io.trailhound.investigate.Verdict;
import io.trailhound.investigate.report.HtmlReport;
import io.trailhound.investigate.report.InvestigationJson;
import io.trailhound.investigate.report.MarkdownReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Investigates a scan's findings at or above a severity and writes the incident reports. */
final class InvestigationRun {

  private InvestigationRun() {}

  static List<Incident> run(
      List<Finding> findings,
      EventLookup lookup,
      Severity threshold,
      Duration window,
      Path reportDir,
      PrintWriter err)
      throws IOException {
    Investigator investigator = new Investigator(lookup);
    List<Investigation> investigations = new ArrayList<>();
    long[] nanos = new long[findings.size()];
    int n = 0;
    for (Finding f : findings) {
      if (f.severity().atLeast(threshold)) {
        long t0 = System.nanoTime();
        investigations.add(investigator.investigate(f));
        nanos[n++] = System.nanoTime() - t0;
      }
    }
    List<Incident> incidents = Incidents.group(investigations, window);
    Map<Verdict.Kind, Integer> verdicts = new EnumMap<>(Verdict.Kind.class);
    incidents.forEach(i -> verdicts.merge(i.verdict(), 1, Integer::sum));
    java.util.Arrays.sort(nanos, 0, n);
    err.println(
        String.format(
            Locale.ROOT,
            "trailhound: investigated %d finding(s) at %s or above into %d incident(s)"
                + " (%d malicious, %d suspicious, %d benign-explained); per finding p50 %.1f ms,"
                + " p95 %.1f ms",
            investigations.size(),
            threshold.label(),
            incidents.size(),
            verdicts.getOrDefault(Verdict.Kind.MALICIOUS, 0),
            verdicts.getOrDefault(Verdict.Kind.SUSPICIOUS, 0),
            verdicts.getOrDefault(Verdict.Kind.BENIGN_EXPLAINED, 0),
            n == 0 ? 0 : nanos[(n - 1) / 2] / 1e6,
            n == 0 ? 0 : nanos[(int) Math.ceil(0.95 * n) - 1] / 1e6));
    if (lookup.overflow() > 0) {
      err.println(
          "trailhound: "
              + lookup.overflow()
              + " events were not indexed for investigation (capacity reached): evidence may be"
              + " incomplete");
    }
    if (reportDir != null) {
      write(incidents, lookup.overflow(), reportDir);
      err.println("trailhound: wrote incidents.json, incidents.md and report.html to " + reportDir);
    }
    return incidents;
  }

  static void write(List<Incident> incidents, long overflow, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Writer w =
        Files.newBufferedWriter(dir.resolve("incidents.json"), StandardCharsets.UTF_8)) {
      InvestigationJson.writeIncidents(incidents, overflow, w);
    }
    try (PrintWriter w =
        new PrintWriter(
            Files.newBufferedWriter(dir.resolve("incidents.md"), StandardCharsets.UTF_8))) {
      MarkdownReport.write(incidents, overflow, w);
    }
    try (PrintWriter w =
        new PrintWriter(
            Files.newBufferedWriter(dir.resolve("report.html"), StandardCharsets.UTF_8))) {
      HtmlReport.write(incidents, overflow, w);
    }
  }
}
