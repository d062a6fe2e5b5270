package io.trailhound.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.finding.Severity;
import io.trailhound.integrity.VerificationReport;
import io.trailhound.scan.ScanResult;
import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.net.NetworkReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-run summary: what was read, skipped and found, and how fast. */
final class RunSummary {

  static final String SCHEMA = "trailhound.scan-summary/v1";

  private RunSummary() {}

  static void print(ScanResult r, double seconds, PrintWriter out) {
    IngestReport in = r.ingest();
    out.printf(
        Locale.ROOT,
        "Read %,d files (%s) in %.2f s: %,d events, %,d duplicates removed, %,d digest files,"
            + " %,d skipped%n",
        in.filesRead(),
        Bytes.human(in.bytesRead()),
        seconds,
        in.eventsDelivered(),
        in.duplicates(),
        in.digestFiles(),
        in.skipped());
    if (in.externalFindings() > 0
        || in.eventsBySource().keySet().stream().anyMatch(k -> !k.equals("cloudtrail"))) {
      StringBuilder sources = new StringBuilder();
      in.eventsBySource()
          .forEach(
              (type, n) ->
                  sources
                      .append(sources.length() == 0 ? "" : ", ")
                      .append(String.format(Locale.ROOT, "%s %,d", type, n)));
      out.printf(
          Locale.ROOT,
          "  events by source: %s; other tools' findings read: %,d (%,d inactive, not reported)%n",
          sources.length() == 0 ? "none" : sources,
          in.externalFindings(),
          r.externalInactive());
    }
    for (Map.Entry<SkipReason, Long> e : new TreeMap<>(in.skips()).entrySet()) {
      out.printf(Locale.ROOT, "  skipped %s: %,d%n", e.getKey(), e.getValue());
      for (Skip example : in.examples().getOrDefault(e.getKey(), List.of())) {
        out.println("    " + TerminalText.safe(example.toString()));
      }
    }
    NetworkReport net = r.network();
    if (net.any() || net.skipped() > 0) {
      out.printf(
          Locale.ROOT,
          "Network: %,d flow log files, %,d flow records (%,d evaluated after rollup/sampling, %,d"
              + " NODATA, %,d SKIPDATA); %,d resolver log files, %,d queries; %,d skipped%n",
          net.flowFiles(),
          net.flowRecords(),
          net.flowEvaluated(),
          net.noData(),
          net.skipData(),
          net.dnsFiles(),
          net.dnsQueries(),
          net.skipped());
      for (Map.Entry<SkipReason, Long> e : new TreeMap<>(net.skips()).entrySet()) {
        out.printf(Locale.ROOT, "  skipped %s: %,d%n", e.getKey(), e.getValue());
        for (Skip example : net.examples().getOrDefault(e.getKey(), List.of())) {
          out.println("    " + TerminalText.safe(example.toString()));
        }
      }
    }
    for (VerificationReport v : r.integrity()) {
      out.printf(
          Locale.ROOT,
          "Integrity: %,d digest files, %,d log files checked, %,d problems%s%n",
          v.digestFiles(),
          v.logFilesChecked(),
          v.problems().size(),
          r.signaturesChecked() ? "" : " (signatures not checked: give --public-key)");
    }
    StringBuilder sev = new StringBuilder();
    Map<Severity, Long> counts = r.bySeverity();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      sev.append(sev.length() == 0 ? "" : ", ").append(s.label()).append(' ').append(counts.get(s));
    }
    out.printf(
        Locale.ROOT,
        "Rules: %d; matches: %,d; findings: %d (%s)%n",
        r.rules(),
        r.matches(),
        r.findings().size(),
        sev);
    out.printf(
        Locale.ROOT,
        "Throughput: %,.0f events/s, %s/s%n",
        in.eventsDelivered() / Math.max(seconds, 1e-9),
        Bytes.human((long) (in.bytesRead() / Math.max(seconds, 1e-9))));
  }

  /** Extra fields a command adds to the JSON summary (intel lists, enrichment). */
  @FunctionalInterface
  interface Extra {
    Extra NONE = g -> {};

    void write(JsonGenerator g) throws IOException;
  }

  /** The same summary as one JSON line (machine-readable runs print it on standard error). */
  static void printJson(ScanResult r, double seconds, PrintWriter out) throws IOException {
    printJson(r, seconds, out, Extra.NONE);
  }

  /**
   * {@link #printJson(ScanResult, double, PrintWriter)} with {@code extra} fields before the end.
   */
  static void printJson(ScanResult r, double seconds, PrintWriter out, Extra extra)
      throws IOException {
    IngestReport in = r.ingest();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeNumberField("files_read", in.filesRead());
      g.writeNumberField("bytes_read", in.bytesRead());
      g.writeNumberField("records_seen", in.recordsSeen());
      g.writeNumberField("events", in.eventsDelivered());
      g.writeNumberField("duplicates", in.duplicates());
      g.writeNumberField("digest_files", in.digestFiles());
      g.writeObjectFieldStart("events_by_source");
      for (Map.Entry<String, Long> e : in.eventsBySource().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("external_findings", in.externalFindings());
      g.writeNumberField("external_findings_inactive", r.externalInactive());
      g.writeNumberField("skipped", in.skipped());
      writeSkips(g, in.skips(), in.examples());
      NetworkReport net = r.network();
      g.writeObjectFieldStart("network");
      g.writeNumberField("flow_files", net.flowFiles());
      g.writeNumberField("flow_lines", net.flowLines());
      g.writeNumberField("flow_records", net.flowRecords());
      g.writeNumberField("flow_evaluated", net.flowEvaluated());
      g.writeNumberField("nodata", net.noData());
      g.writeNumberField("skipdata", net.skipData());
      g.writeNumberField("dns_files", net.dnsFiles());
      g.writeNumberField("dns_queries", net.dnsQueries());
      g.writeNumberField("skipped", net.skipped());
      writeSkips(g, net.skips(), net.examples());
      g.writeEndObject();
      g.writeArrayFieldStart("integrity");
      for (VerificationReport v : r.integrity()) {
        g.writeStartObject();
        g.writeNumberField("digest_files", v.digestFiles());
        g.writeNumberField("log_files_checked", v.logFilesChecked());
        g.writeNumberField("problems", v.problems().size());
        g.writeBooleanField("signatures_checked", r.signaturesChecked());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("rules", r.rules());
      g.writeNumberField("matches", r.matches());
      g.writeNumberField("findings", r.findings().size());
      g.writeObjectFieldStart("findings_by_severity");
      for (Map.Entry<Severity, Long> e : r.bySeverity().entrySet()) {
        g.writeNumberField(e.getKey().label(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("seconds", seconds);
      extra.write(g);
      g.writeEndObject();
    }
    out.println();
    out.flush();
  }

  /** Skip counts by reason and the kept examples, the same for every reader. */
  private static void writeSkips(
      JsonGenerator g, Map<SkipReason, Long> counts, Map<SkipReason, List<Skip>> examples)
      throws IOException {
    g.writeObjectFieldStart("skipped_by_reason");
    for (Map.Entry<SkipReason, Long> e : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("skip_examples");
    for (Map.Entry<SkipReason, List<Skip>> e : new TreeMap<>(examples).entrySet()) {
      for (Skip s : e.getValue()) {
        g.writeStartObject();
        g.writeStringField("reason", s.reason().name().toLowerCase(Locale.ROOT));
        g.writeStringField("location", s.location());
        g.writeNumberField("record", s.record());
        g.writeStringField("detail", s.detail());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }
}
