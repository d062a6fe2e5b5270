package io.trailhound.cli;

import io.trailhound.finding.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The findings as a terminal table, most severe first. */
final class FindingsTable {

  private FindingsTable() {}

  static void print(List<Finding> findings, PrintWriter out) {
    if (findings.isEmpty()) {
      out.println("No findings.");
      return;
    }
    Table table =
        new Table(
            List.of(
                "SEVERITY", "FIRST SEEN (UTC)", "TITLE", "ACTOR", "ACCOUNT", "REGION", "EVENTS"),
            List.of(8, 20, 50, 60, 12, 14, 7));
    for (Finding f : findings) {
      String by = f.rule().reportedBy();
      table.row(
          List.of(
              f.severity().label().toUpperCase(Locale.ROOT),
              f.firstSeen().toString().replace('T', ' ').replace("Z", ""),
              by.equals("trailhound") ? f.title() : "[" + by + "] " + f.title(),
              f.actor(),
              Objects.toString(f.account(), "-"),
              Objects.toString(f.region(), "-"),
              Long.toString(f.eventCount())));
    }
    table.print(out);
    List<Finding> explained = findings.stream().filter(f -> !f.explanation().isEmpty()).toList();
    if (!explained.isEmpty()) {
      out.println();
      out.println("Why:");
      for (Finding f : explained) {
        out.println(
            "  - " + TerminalText.safe(f.title()) + ": " + TerminalText.safe(f.explanation()));
      }
    }
  }
}
