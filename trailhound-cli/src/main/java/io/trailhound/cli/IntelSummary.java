package io.trailhound.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.enrich.GeoIpReport;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.intel.IntelList;
import io.trailhound.intel.IntelProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The run summary's lines on threat-intel lists and IP enrichment. */
final class IntelSummary {

  private final IndicatorSet intel;
  private final GeoIpReport geo;

  IntelSummary(IndicatorSet intel, GeoIpReport geo) {
    this.intel = intel;
    this.geo = geo;
  }

  void print(PrintWriter out) {
    for (IntelList list : intel.lists()) {
      List<String> notes = new ArrayList<>();
      new TreeMap<>(list.skipped())
          .forEach((reason, n) -> notes.add(String.format(Locale.ROOT, "%s %,d", reason, n)));
      if (list.duplicates() > 0) {
        notes.add(String.format(Locale.ROOT, "duplicates %,d", list.duplicates()));
      }
      out.printf(
          Locale.ROOT,
          "Intel list '%s' (%s, %s, confidence %d): %,d addresses/networks, %,d domains,"
              + " %,d bad entries%s%n",
          TerminalText.safe(list.name()),
          list.kind().label(),
          list.format(),
          list.confidence(),
          list.addresses(),
          list.domains(),
          list.problemCount(),
          notes.isEmpty() ? "" : "; left out: " + String.join(", ", notes));
      for (IntelProblem p : list.problems()) {
        out.println(
            "    "
                + TerminalText.safe(
                    list.path().getFileName()
                        + ":"
                        + p.line()
                        + ": "
                        + p.reason()
                        + (p.text().isEmpty() ? "" : " ('" + p.text() + "')")));
      }
      if (list.problemCount() > list.problems().size()) {
        out.printf(
            Locale.ROOT, "    ... and %,d more%n", list.problemCount() - list.problems().size());
      }
    }
    if (!geo.enabled()) {
      out.println("Enrichment: off (no IP database: give --geoip DIR or set TRAILHOUND_GEOIP)");
      return;
    }
    long ranges = geo.files().stream().mapToLong(GeoIpReport.File::ranges).sum();
    out.printf(
        Locale.ROOT,
        "Enrichment: %,d ranges from %d files, %,d bad lines, %,d overlapping%n",
        ranges,
        geo.files().stream().filter(f -> f.ranges() > 0).count(),
        geo.badLines(),
        geo.overlapping());
    for (String example : geo.examples()) {
      out.println("    " + TerminalText.safe(example));
    }
  }

  void writeJson(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("intel_lists");
    for (IntelList list : intel.lists()) {
      g.writeStartObject();
      g.writeStringField("name", list.name());
      g.writeStringField("kind", list.kind().label());
      g.writeStringField("format", list.format());
      g.writeStringField("path", list.path().toString());
      g.writeNumberField("confidence", list.confidence());
      g.writeNumberField("addresses", list.addresses());
      g.writeNumberField("domains", list.domains());
      g.writeNumberField("duplicates", list.duplicates());
      g.writeNumberField("bad_entries", list.problemCount());
      g.writeObjectFieldStart("left_out");
      for (Map.Entry<String, Integer> e : new TreeMap<>(list.skipped()).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("bad_examples");
      for (IntelProblem p : list.problems()) {
        g.writeStartObject();
        g.writeNumberField("line", p.line());
        g.writeStringField("reason", p.reason());
        g.writeStringField("text", p.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("enrichment");
    g.writeBooleanField("enabled", geo.enabled());
    g.writeNumberField("ranges", geo.files().stream().mapToLong(GeoIpReport.File::ranges).sum());
    g.writeNumberField("bad_lines", geo.badLines());
    g.writeNumberField("overlapping", geo.overlapping());
    g.writeArrayFieldStart("files");
    for (GeoIpReport.File f : geo.files()) {
      g.writeStartObject();
      g.writeStringField("path", f.path().toString());
      g.writeStringField("kind", f.kind());
      g.writeNumberField("ranges", f.ranges());
      g.writeNumberField("bad_lines", f.badLines());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
