package io.trailhound.cli;

import io.trailhound.simulate.SimulatedSource;
import io.trailhound.simulate.SimulationOptions;
import io.trailhound.simulate.SimulationSummary;
import io.trailhound.simulate.Simulator;
import io.trailhound.simulate.truth.GroundTruth;
import io.trailhound.simulate.truth.Score;
import io.trailhound.simulate.truth.Scorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trailhound simulate}: synthetic CloudTrail logs with labelled attacks, and scoring. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate an AWS organisation's CloudTrail logs (S3 delivery layout) with labelled attacks,"
          + " deterministically from a seed, with the VPC Flow Logs and Route 53 Resolver query"
          + " logs of its instances and the Okta, Entra ID and Microsoft 365 records of its people; write"
          + " ground-truth.json beside them.",
      "With --score FINDINGS --truth FILE: compare JSONL findings with the ground truth.",
      "Exit codes: 0 done (or every scenario detected and nothing high or critical on background),"
          + " 1 a scenario missed or a high/critical finding on background, 2 usage error."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 1).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: simulated-logs).")
  Path out = Path.of("simulated-logs");

  @Option(names = "--days", paramLabel = "D", description = "Days to simulate (default 1).")
  int days = 1;

  @Option(names = "--accounts", paramLabel = "N", description = "Accounts (default 3).")
  int accounts = 3;

  @Option(
      names = "--scale",
      paramLabel = "F",
      description =
          "Multiply background activity (default 1.0: about 25,000 events a day for 3 accounts).")
  double scale = 1.0;

  @Option(
      names = "--sources",
      paramLabel = "LIST",
      description =
          "Logs to write, comma-separated (default all): cloudtrail, vpcflow (VPC Flow Logs), dns"
              + " (Route 53 Resolver query logs), okta (System Log), entra (Entra ID sign-ins), m365"
              + " (Unified Audit Log).")
  String sources = "cloudtrail,vpcflow,dns,okta,entra,m365";

  @Option(
      names = "--score",
      paramLabel = "FINDINGS",
      description = "Score a JSONL findings file (scan --output jsonl) against --truth.")
  Path score;

  @Option(
      names = "--scenarios",
      paramLabel = "LIST",
      description =
          "Attacks to inject, comma-separated scenario kinds (default all; the kinds are the"
              + " ground truth's scenario ids without their number, e.g."
              + " credential-compromise,cloudtrail-stop,okta-session-hijack).")
  String scenarios;

  @Option(names = "--truth", paramLabel = "FILE", description = "ground-truth.json to score with.")
  Path truth;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (score != null || truth != null) {
      if (score == null || truth == null) {
        throw new UsageError("--score and --truth go together");
      }
      GroundTruth expected;
      try {
        expected = GroundTruth.read(truth);
      } catch (IOException | RuntimeException e) {
        throw new UsageError(
            "--truth " + truth + " is not a readable ground-truth file: " + e.getMessage());
      }
      Score s;
      try {
        s = Scorer.score(score, expected);
      } catch (IOException e) {
        throw new UsageError("--score " + score + " cannot be read: " + e.getMessage());
      }
      ScoreReport.print(s, stdout);
      return s.passed() ? Trailhound.OK : Trailhound.FINDINGS_AT_THRESHOLD;
    }
    SimulationOptions options;
    try {
      options =
          new SimulationOptions(
              seed,
              out,
              SimulationOptions.DEFAULT_START,
              days,
              accounts,
              scale,
              SimulatedSource.parse(sources),
              scenarios == null ? Set.of() : Set.of(scenarios.split(",")));
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    long started = System.nanoTime();
    SimulationSummary summary = Simulator.run(options);
    double seconds = (System.nanoTime() - started) / 1e9;
    stdout.printf(
        Locale.ROOT,
        "wrote %,d CloudTrail events (%,d attack events in %d scenarios) in %,d files under %s%n",
        summary.events(),
        summary.attackEvents(),
        summary.truth().scenarios().size(),
        summary.files(),
        summary.logs());
    SimulationSummary.Other other = summary.other();
    if (other.networkFiles() > 0) {
      stdout.printf(
          Locale.ROOT,
          "wrote %,d VPC flow records and %,d resolver queries in %,d files under %s%n",
          other.flowRecords(),
          other.dnsQueries(),
          other.networkFiles(),
          summary.logs());
    }
    if (other.identityFiles() > 0) {
      stdout.printf(
          Locale.ROOT,
          "wrote %,d Okta, Entra ID and Microsoft 365 records in %,d files under %s%n",
          other.identityEvents(),
          other.identityFiles(),
          out);
    }
    stdout.printf(Locale.ROOT, "ground truth: %s%n", summary.truthFile());
    stdout.printf(
        Locale.ROOT,
        "%.1f s, %,.0f events per minute%n",
        seconds,
        summary.events() / Math.max(seconds, 1e-9) * 60);
    stdout.printf(
        Locale.ROOT,
        "next: trailhound scan --output jsonl -o findings.jsonl %s && trailhound simulate"
            + " --score findings.jsonl --truth %s%n",
        String.join(" ", summary.inputPaths()),
        summary.truthFile());
    return Trailhound.OK;
  }
}
