package io.trailhound.cli;

import io.trailhound.simulate.truth.Score;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a {@link Score}: one row per scenario, then findings on background activity. */
final class ScoreReport {

  private ScoreReport() {}

  static void print(Score s, PrintWriter out) {
    if (!s.skippedLines().isEmpty()) {
      out.printf(Locale.ROOT, "skipped %d lines that are not findings:%n", s.skippedLines().size());
      s.skippedLines().stream().limit(5).forEach(l -> out.println("  " + TerminalText.safe(l)));
    }
    out.println("scenario                               detected  precision  recall  rules");
    for (Score.ScenarioScore sc : s.scenarios()) {
      out.printf(
          Locale.ROOT,
          "%-38s %-9s %9.2f %7.2f  %s%n",
          TerminalText.safe(sc.id()),
          sc.detected() ? "yes" : "MISSED",
          sc.precision(),
          sc.recall(),
          TerminalText.safe(String.join(", ", sc.rules())));
    }
    out.println();
    long total = s.backgroundBySeverity().values().stream().mapToLong(Long::longValue).sum();
    out.printf(Locale.ROOT, "findings on background activity: %d", total);
    for (String sev : List.of("critical", "high", "medium", "low", "info")) {
      Long n = s.backgroundBySeverity().get(sev);
      if (n != null) {
        out.printf(Locale.ROOT, ", %s %d", sev, n);
      }
    }
    out.println();
    s.backgroundRules().forEach(r -> out.println("  " + TerminalText.safe(r)));
    out.printf(
        Locale.ROOT,
        "%s: %d of %d scenarios detected, %d high/critical findings on background%n",
        s.passed() ? "PASS" : "FAIL",
        s.scenarios().size() - s.missed(),
        s.scenarios().size(),
        s.severeFalsePositives());
  }
}
