package io.trailhound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.finding.Severity;
import io.trailhound.finding.output.JsonlFindingWriter;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.simulate.SimulationOptions;
import io.trailhound.simulate.SimulationSummary;
import io.trailhound.simulate.Simulator;
import io.trailhound.simulate.truth.Scorer;
import io.trailhound.source.InputSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trailhound demo}: simulate a small organisation with attacks, scan it, show the result.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a small AWS organisation with labelled attacks into a temporary folder, scan it"
          + " with the built-in rules, investigate every medium-or-worse finding and show the"
          + " findings, the run summary, which attacks were detected and the incidents with their"
          + " timelines; writes an HTML report beside the logs. Needs no AWS account.",
      "Exit codes: 0 done, 2 usage error."
    })
final class DemoCommand implements Callable<Integer> {

  private static final int MAX_INCIDENTS = 5;

  /**
   * A tour rather than the whole catalogue (simulate injects every scenario): the three chains, a
   * few single techniques and the identity-provider takeovers.
   */
  static final Set<String> SCENARIOS =
      Set.of(
          "credential-compromise",
          "s3-exfiltration",
          "cryptomining",
          "cloudtrail-stop",
          "iam-backdoor-role",
          "console-login-without-mfa",
          "secretsmanager-retrieve-secrets",
          "s3-ransomware-individual-deletion",
          "lambda-backdoor-function",
          "okta-session-hijack",
          "okta-mfa-push-fatigue",
          "entra-risky-sign-in");

  private static final int MAX_STEPS = 8;

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 1).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write the simulated logs here instead of a temporary folder.")
  Path out;

  /**
   * Picocli's default factory builds this command (the shared factory in {@link Trailhound} is left
   * alone); the clock only times the scan, findings never depend on it.
   */
  DemoCommand() {
    this(Clock.systemUTC());
  }

  DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Path dir = out != null ? out : Files.createTempDirectory("trailhound-demo-");
    SimulationSummary sim =
        Simulator.run(
            SimulationOptions.defaults(seed, dir)
                .withAccounts(2)
                .withScale(0.3)
                .withScenarios(SCENARIOS));
    stdout.printf(
        Locale.ROOT,
        "simulated %,d CloudTrail events, %,d VPC flow records, %,d resolver queries and %,d"
            + " Okta, Entra ID and Microsoft 365 records of a 2-account organisation (%d attacks)"
            + " in %s%n%n",
        sim.events(),
        sim.other().flowRecords(),
        sim.other().dnsQueries(),
        sim.other().identityEvents(),
        sim.truth().scenarios().size(),
        dir);
    long started = System.nanoTime();
    InMemoryEventIndex index = new InMemoryEventIndex();
    ScanResult result =
        new ScanService(clock)
            .scan(
                InputSpec.expand(sim.inputPaths()),
                RuleCatalog.load(true, List.of(), Placeholders.none()),
                ScanOptions.defaults().withStage(() -> new IndexingStage(index)));
    double seconds = (System.nanoTime() - started) / 1e9;
    FindingsTable.print(result.findings(), stdout);
    stdout.println();
    RunSummary.print(result, seconds, stdout);
    stdout.println();
    StringWriter jsonl = new StringWriter();
    new JsonlFindingWriter().write(result.findings(), jsonl);
    List<JsonNode> findings = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : jsonl.toString().split("\n")) {
      if (!line.isBlank()) {
        findings.add(json.readTree(line));
      }
    }
    ScoreReport.print(Scorer.score(findings, sim.truth()), stdout);
    stdout.println();
    Path report = dir.resolve("report");
    List<Incident> incidents =
        InvestigationRun.run(
            result.findings(),
            index,
            Severity.MEDIUM,
            Incidents.DEFAULT_WINDOW,
            report,
            spec.commandLine().getErr());
    IncidentsSummary.print(incidents, MAX_INCIDENTS, MAX_STEPS, stdout);
    stdout.printf(
        Locale.ROOT,
        "%nreport with every incident's timeline and entity graph: %s%n"
            + "the logs and ground-truth.json stay in %s; scan them again with:"
            + " trailhound scan --report DIR %s%n",
        report.resolve("report.html"),
        dir,
        String.join(" ", sim.inputPaths()));
    return Trailhound.OK;
  }
}
