package io.trailhound.cli;

import io.trailhound.finding.Finding;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Investigator;
import io.trailhound.investigate.Link;
import io.trailhound.investigate.Persistence;
import io.trailhound.investigate.PrivescMatch;
import io.trailhound.investigate.ResponseAction;
import io.trailhound.investigate.Step;
import io.trailhound.investigate.Triage;
import io.trailhound.investigate.Verdict;
import io.trailhound.investigate.report.InvestigationJson;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailhound investigate}: one finding's or one actor's investigation, on demand. */
@Command(
    name = "investigate",
    mixinStandardHelpOptions = true,
    description = {
      "Investigate a finding (its id, as scan prints it in JSON output) or an actor (access key,"
          + " principal ARN or source IP) over the logs under PATH: the resolved actor with the"
          + " evidence of each link, the timeline from patient zero, persistence, privilege"
          + " escalation, verdict and response.",
      "Usage: trailhound investigate PATH... FINDING-ID | trailhound investigate PATH... --actor"
          + " WHO",
      "With --store FILE, no paths: the finding comes from the store's findings and the evidence"
          + " from its events (trailhound investigate --store FILE FINDING-ID | --actor WHO).",
      "Exit codes: 0 done, 2 usage error or finding not found, 3 nothing could be read."
    })
final class InvestigateCommand implements Callable<Integer> {

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Log files or directories, then the finding id unless --actor is given.")
  List<String> args = new ArrayList<>();

  @Option(names = "--actor", paramLabel = "WHO", description = "Access key id, ARN or IP.")
  String actor;

  @Option(
      names = "--store",
      paramLabel = "FILE",
      description = "Investigate over an event store filled by scan --store instead of logs.")
  Path store;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  InvestigateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String format = output.toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageError("unknown --output '" + output + "': expected text or json");
    }
    if (store != null) {
      return fromStore(format, out);
    }
    List<String> paths = new ArrayList<>(args);
    String findingId = null;
    if (actor == null) {
      if (paths.size() < 2 || Files.exists(Path.of(paths.get(paths.size() - 1)))) {
        throw new UsageError("give the paths and then a finding id, or --actor WHO");
      }
      findingId = paths.remove(paths.size() - 1);
    }
    InMemoryEventIndex index = new InMemoryEventIndex();
    ScanResult result =
        new ScanService(clock)
            .scan(
                InputSpec.expand(paths),
                RuleCatalog.load(true, List.of(), Placeholders.none()),
                ScanOptions.defaults()
                    .withThreads(Math.max(1, threads))
                    .withStage(() -> new IndexingStage(index)));
    if (result.nothingRead()) {
      err.println("trailhound: nothing could be read from the inputs");
      return Trailhound.NOTHING_READ;
    }
    return report(
        new Investigator(index),
        findingId == null ? null : find(result.findings(), findingId),
        format,
        out);
  }

  /** Finding and evidence from the store: nothing is re-read from the logs. */
  private int fromStore(String format, PrintWriter out) throws IOException {
    if (actor == null ? args.size() != 1 : !args.isEmpty()) {
      throw new UsageError("with --store give a finding id or --actor WHO, and no paths");
    }
    try (EventStore s = EventStore.openReadOnly(store, clock)) {
      Finding f = null;
      if (actor == null) {
        String id = args.get(0);
        f =
            s.findings()
                .byId(id)
                .orElseThrow(
                    () ->
                        new UsageError(
                            "no finding "
                                + TerminalText.safe(id)
                                + " in "
                                + TerminalText.safe(store.toString())
                                + " ("
                                + s.findings().count()
                                + " findings stored)"));
      }
      return report(new Investigator(ScanStore.lookup(s, clock)), f, format, out);
    }
  }

  private int report(Investigator investigator, Finding f, String format, PrintWriter out)
      throws IOException {
    Investigation inv;
    if (actor != null) {
      inv = investigator.investigateActor(actor);
      if (inv.evidence().isEmpty()) {
        throw new UsageError("no event of " + TerminalText.safe(actor) + " in the inputs");
      }
    } else {
      inv = investigator.investigate(f);
    }
    if (format.equals("json")) {
      InvestigationJson.write(inv, out);
      out.println();
    } else {
      print(inv, out);
    }
    out.flush();
    return Trailhound.OK;
  }

  private static Finding find(List<Finding> findings, String id) {
    for (Finding f : findings) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    throw new UsageError(
        "no finding "
            + TerminalText.safe(id)
            + " in these inputs ("
            + findings.size()
            + " findings; ids are printed by scan --output jsonl)");
  }

  static void print(Investigation inv, PrintWriter out) {
    out.println(
        TerminalText.safe(inv.title())
            + "  ["
            + inv.severity().label()
            + "]  "
            + TerminalText.safe(inv.findingId()));
    out.println("verdict: " + inv.verdict().kind().label());
    for (Verdict.Reason r : inv.verdict().reasons()) {
      out.println(
          "  - "
              + TerminalText.safe(r.text())
              + (r.evidence().isEmpty()
                  ? ""
                  : "  [" + TerminalText.safe(String.join(", ", r.evidence())) + "]"));
    }
    StringBuilder triage = new StringBuilder("triage: " + inv.triage().score() + " =");
    for (Triage.Factor f : inv.triage().factors()) {
      triage.append(' ').append(f.value()).append(" (").append(f.reason()).append(')');
    }
    out.println(TerminalText.safe(triage.toString()));
    out.println("actor: " + TerminalText.safe(inv.actor().display()));
    for (Link l : inv.actor().links()) {
      out.println(
          "  "
              + TerminalText.safe(l.from())
              + " -> "
              + TerminalText.safe(l.to())
              + "  ("
              + l.kind()
              + ", event "
              + TerminalText.safe(l.evidence())
              + ")");
    }
    var t = inv.timeline();
    if (t.patientZero() != null) {
      out.println(
          "patient zero: "
              + t.patientZero().time()
              + " "
              + TerminalText.safe(t.patientZero().api())
              + " from "
              + TerminalText.safe(t.patientZero().ip())
              + " ("
              + TerminalText.safe(t.patientZero().eventId())
              + ")");
    }
    if (t.entryPoints().size() > 1) {
      for (Step s : t.entryPoints()) {
        out.println(
            "  entry point from "
                + TerminalText.safe(s.ip())
                + ": "
                + s.time()
                + " "
                + TerminalText.safe(s.api())
                + " ("
                + TerminalText.safe(s.eventId())
                + ")");
      }
    }
    out.println(
        String.format(
            Locale.ROOT,
            "dwell %s, %d events, %d failed, %,d bytes out, regions %s, accounts %s",
            t.dwell(),
            t.steps().size(),
            t.failed(),
            t.bytesOut(),
            TerminalText.safe(String.join(",", t.regions())),
            TerminalText.safe(String.join(",", t.accounts()))));
    for (Persistence p : inv.persistence()) {
      out.println(
          "persistence: "
              + p.kind()
              + " "
              + TerminalText.safe(p.target())
              + " ("
              + TerminalText.safe(p.detail())
              + ")"
              + (p.stillPresent() ? " still present" : " removed by " + p.removedBy()));
    }
    for (PrivescMatch m : inv.privesc()) {
      out.println("privilege escalation: " + m.id() + " " + TerminalText.safe(m.method()));
    }
    out.println();
    out.println("timeline:");
    for (Step s : t.steps()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %s  %-22s %-34s %-16s %-8s %s",
              s.time(),
              TerminalText.safe(s.tactic()),
              TerminalText.safe(s.api()),
              TerminalText.safe(s.ip()),
              s.errorCode() == null ? "ok" : TerminalText.safe(s.errorCode()),
              TerminalText.safe(s.eventId())));
    }
    if (!inv.response().isEmpty()) {
      out.println();
      out.println("response (planned, not executed):");
      for (ResponseAction a : inv.response()) {
        out.println(
            "  "
                + a.action()
                + " "
                + TerminalText.safe(a.target())
                + ": "
                + TerminalText.safe(a.command()));
      }
    }
    if (!inv.incomplete().isEmpty()) {
      out.println("note: " + inv.incomplete());
    }
  }
}
