package io.trailhound.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.coverage.AttackTechnique;
import io.trailhound.coverage.ContentItems;
import io.trailhound.coverage.Coverage;
import io.trailhound.coverage.CoverageCatalogs;
import io.trailhound.coverage.CoverageReport;
import io.trailhound.coverage.Covered;
import io.trailhound.coverage.GuardDutyType;
import io.trailhound.coverage.StratusTechnique;
import io.trailhound.finding.output.Json;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trailhound rules coverage}: what the loaded content detects, against the catalogues. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Print which GuardDuty finding types (those logs can produce), MITRE ATT&CK IaaS techniques"
          + " and Stratus Red Team AWS techniques the loaded rules and detectors cover.",
      "Exit code 1 with --fail-on-missing when something in the named catalogues is missing."
    })
final class CoverageCommand implements Callable<Integer> {

  /** The catalogues {@code --fail-on-missing} can name. */
  enum Goal {
    /** GuardDuty types from CloudTrail (management, S3 data, Custom Detection Rules). */
    guardduty,
    /** Stratus Red Team AWS techniques. */
    stratus,
    /** ATT&CK IaaS techniques (rarely all of them: opt in). */
    attack
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", paramLabel = "DIR", description = "Add the rules under DIR.")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--no-builtin", description = "Leave out the built-in rules and detectors.")
  boolean noBuiltin;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "table (default) or json.",
      defaultValue = "table")
  String output;

  @Option(
      names = "--missing",
      description = "List only what is missing (the counts still cover everything).")
  boolean missingOnly;

  @Option(
      names = "--fail-on-missing",
      arity = "0..1",
      split = ",",
      paramLabel = "GOAL",
      fallbackValue = "guardduty,stratus",
      description = {
        "Exit 1 when an entry of these catalogues is missing: guardduty (types from CloudTrail),"
            + " stratus, attack. Without a value: guardduty,stratus."
      })
  List<Goal> failOn = new ArrayList<>();

  @Override
  public Integer call() {
    if (!output.equals("table") && !output.equals("json")) {
      throw new UsageError("unknown --output " + output + " (table or json)");
    }
    RuleCatalog catalog = RuleCatalog.load(!noBuiltin, dirs, Placeholders.none());
    List<String> detectors = noBuiltin ? List.of() : DetectorMetadata.builtinIds();
    CoverageReport report =
        Coverage.compute(CoverageCatalogs.builtin(), ContentItems.of(catalog, detectors));
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.println(json(report));
    } else {
      printTable(report, out);
    }
    Set<Goal> goals = failOn.isEmpty() ? EnumSet.noneOf(Goal.class) : EnumSet.copyOf(failOn);
    boolean missing =
        (goals.contains(Goal.guardduty) && !report.missingCloudTrailTypes().isEmpty())
            || (goals.contains(Goal.stratus) && !report.missingStratus().isEmpty())
            || (goals.contains(Goal.attack)
                && CoverageReport.coveredCount(report.attack()) < report.attack().size());
    return missing ? Trailhound.FINDINGS_AT_THRESHOLD : Trailhound.OK;
  }

  private void printTable(CoverageReport report, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "GuardDuty finding types that logs can produce (derivable yes/partly): %d of %d covered%n",
        CoverageReport.coveredCount(report.guardDuty()),
        report.guardDuty().size());
    Map<String, List<Covered<GuardDutyType>>> byCategory = new LinkedHashMap<>();
    // CloudTrail sources first (what a CloudTrail rule pack answers for), then the others, each
    // in catalogue order.
    for (boolean cloudTrail : new boolean[] {true, false}) {
      report.guardDuty().stream()
          .filter(c -> c.entry().fromCloudTrail() == cloudTrail)
          .forEach(
              c -> byCategory.computeIfAbsent(c.entry().category(), k -> new ArrayList<>()).add(c));
    }
    byCategory.forEach(
        (category, list) -> {
          out.printf(
              Locale.ROOT,
              "%n%s: %d of %d covered%n",
              TerminalText.safe(category),
              CoverageReport.coveredCount(list),
              list.size());
          Table table = new Table(List.of("STATE", "TYPE", "COVERED BY"), List.of(7, 70, 90));
          list.stream()
              .filter(c -> !missingOnly || !c.covered())
              .forEach(c -> table.row(List.of(state(c), c.entry().type(), by(c))));
          printUnlessEmpty(table, out);
        });

    out.printf(
        Locale.ROOT,
        "%nMITRE ATT&CK IaaS techniques: %d of %d covered%n",
        CoverageReport.coveredCount(report.attack()),
        report.attack().size());
    Table attack =
        new Table(List.of("STATE", "TECHNIQUE", "NAME", "COVERED BY"), List.of(7, 10, 60, 90));
    for (Covered<AttackTechnique> c : report.attack()) {
      if (!missingOnly || !c.covered()) {
        attack.row(List.of(state(c), c.entry().id(), c.entry().name(), by(c)));
      }
    }
    printUnlessEmpty(attack, out);

    out.printf(
        Locale.ROOT,
        "%nStratus Red Team AWS techniques: %d of %d covered%n",
        CoverageReport.coveredCount(report.stratus()),
        report.stratus().size());
    Table stratus = new Table(List.of("STATE", "TECHNIQUE", "COVERED BY"), List.of(7, 70, 90));
    for (Covered<StratusTechnique> c : report.stratus()) {
      if (!missingOnly || !c.covered()) {
        stratus.row(List.of(state(c), c.entry().id(), by(c)));
      }
    }
    printUnlessEmpty(stratus, out);

    if (!report.unknownTypes().isEmpty() || !report.unknownStratus().isEmpty()) {
      out.println();
      out.println("Declared but not in the catalogues (typos, or types of your own):");
      report.unknownTypes().forEach(u -> out.println("  finding type " + TerminalText.safe(u)));
      report.unknownStratus().forEach(u -> out.println("  stratus " + TerminalText.safe(u)));
    }
  }

  private static void printUnlessEmpty(Table table, PrintWriter out) {
    if (!table.isEmpty()) {
      table.print(out);
    }
  }

  private static String state(Covered<?> c) {
    return c.covered() ? "covered" : "MISSING";
  }

  private static String by(Covered<?> c) {
    return String.join(", ", c.coveredBy());
  }

  static String json(CoverageReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("schema", "trailhound.coverage/v1");
      g.writeObjectFieldStart("guardduty");
      counts(g, report.guardDuty());
      g.writeNumberField("cloudtrail_missing", report.missingCloudTrailTypes().size());
      g.writeArrayFieldStart("types");
      for (Covered<GuardDutyType> c : report.guardDuty()) {
        g.writeStartObject();
        g.writeStringField("type", c.entry().type());
        g.writeStringField("category", c.entry().category());
        g.writeStringField("derivable", c.entry().derivable());
        g.writeBooleanField("from_cloudtrail", c.entry().fromCloudTrail());
        entry(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("attack");
      counts(g, report.attack());
      g.writeArrayFieldStart("techniques");
      for (Covered<AttackTechnique> c : report.attack()) {
        g.writeStartObject();
        g.writeStringField("id", c.entry().id());
        g.writeStringField("name", c.entry().name());
        g.writeStringField("tactics", c.entry().tactics());
        entry(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("stratus");
      counts(g, report.stratus());
      g.writeArrayFieldStart("techniques");
      for (Covered<StratusTechnique> c : report.stratus()) {
        g.writeStartObject();
        g.writeStringField("id", c.entry().id());
        g.writeStringField("name", c.entry().name());
        entry(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      Json.strings(g, "unknown_finding_types", report.unknownTypes());
      Json.strings(g, "unknown_stratus", report.unknownStratus());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void counts(JsonGenerator g, List<? extends Covered<?>> list) throws IOException {
    g.writeNumberField("total", list.size());
    g.writeNumberField("covered", CoverageReport.coveredCount(list));
  }

  private static void entry(JsonGenerator g, Covered<?> c) throws IOException {
    g.writeBooleanField("covered", c.covered());
    Json.strings(g, "covered_by", c.coveredBy());
    g.writeEndObject();
  }
}
