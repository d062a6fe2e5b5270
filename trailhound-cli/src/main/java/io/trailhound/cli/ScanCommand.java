package io.trailhound.cli;

import io.trailhound.finding.Severity;
import io.trailhound.finding.output.OutputFormat;
import io.trailhound.integrity.KeyLoadException;
import io.trailhound.integrity.PublicKeys;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Incidents;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailhound scan}: batch analysis of exported logs. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan CloudTrail logs (files, directories, - for standard input) and print findings.",
      "Formats are detected per file: S3 delivery objects (gzipped or not), JSON lines, arrays,"
          + " EventBridge envelopes, lookup-events output, CloudTrail Lake results; also Okta"
          + " System Log, Microsoft 365 audit and Entra ID sign-in logs, and GuardDuty,"
          + " Security Hub (ASFF) and Inspector findings, reported beside ours.",
      "Exit codes: 0 done, 1 a finding at or above --fail-on, 2 usage or rule error,"
          + " 3 nothing could be read."
    })
final class ScanCommand implements Callable<Integer> {

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or -.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "table (default), jsonl, ocsf or asff.")
  String output = "table";

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write machine-readable findings to FILE instead of standard output.")
  Path outFile;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit with code 1 when a finding is at least this severe.")
  String failOn;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Add the Sigma rules under DIR (repeatable), e.g. a SigmaHQ checkout.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--no-builtin", description = "Do not load the built-in detection pack.")
  boolean noBuiltin;

  @Option(
      names = "--placeholders",
      paramLabel = "FILE",
      description = "YAML map of placeholder name to values, for rules using |expand.")
  Path placeholders;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "Public key(s) for CloudTrail digest signatures (PEM or list-public-keys JSON);"
              + " without one, digests found under scanned folders are checked for hashes and"
              + " chain only.")
  List<Path> publicKeys = new ArrayList<>();

  @Option(
      names = "--intel",
      paramLabel = "FILE[:NAME[:KIND[:CONFIDENCE]]]",
      description =
          "Threat-intel list (repeatable): text, CSV or STIX 2.1 JSON. KIND is custom (default),"
              + " malicious, tor-exit, c2 or mining-pool; CONFIDENCE 0-100 (default 70).")
  List<String> intelSpecs = new ArrayList<>();

  @Option(
      names = "--geoip",
      paramLabel = "PATH",
      description =
          "ip-location-db country/ASN CSV file or a folder holding them (repeatable); default:"
              + " the folders in $TRAILHOUND_GEOIP.")
  List<Path> geoip = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--max-record-size",
      paramLabel = "BYTES",
      description = "Skip records larger than this (default 16 MiB).")
  long maxRecordBytes = IngestOptions.DEFAULT_MAX_RECORD_BYTES;

  @Option(names = "--no-progress", description = "Never draw a progress bar.")
  boolean noProgress;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "Behaviour-baseline state: loaded before the scan (missing: start afresh), saved after.")
  Path stateFile;

  @Option(
      names = "--learning-days",
      paramLabel = "N",
      description = "Days after an actor's first event before baselines report on it (default 7).")
  Integer learningDays;

  @Option(
      names = "--aws-ip-ranges",
      paramLabel = "FILE",
      description =
          "AWS's ip-ranges.json, to tell AWS addresses from others (instance credentials).")
  Path awsIpRanges;

  @Option(names = "--no-baselines", description = "Do not run the behaviour baselines.")
  boolean noBaselines;

  @Option(
      names = "--flow-format",
      paramLabel = "FORMAT",
      description =
          "Format of VPC flow log lines without a header line (CloudWatch Logs exports), as given"
              + " to create-flow-logs: '${version} ${account-id} ...'. Default: the version-2"
              + " default format. Files with a header line use their header.")
  String flowFormat;

  @Option(
      names = "--flow-rollup",
      description =
          "Fold flow records into 1-minute rollups per interface, remote address, port and action"
              + " before detection (cheaper; beaconing below one minute is lost).")
  boolean flowRollup;

  @Option(
      names = "--flow-sample",
      paramLabel = "N",
      description =
          "Keep one accepted flow in N (weighted by N); rejected flows are always kept."
              + " Default 1 (all).")
  int flowSample = 1;

  @Option(
      names = "--lambda-interfaces",
      paramLabel = "FILE",
      description =
          "Network interfaces of VPC-attached Lambda functions, for their flow-log findings"
              + " (Backdoor:Lambda/..., UnauthorizedAccess:Lambda/...): the JSON of 'aws ec2"
              + " describe-network-interfaces --filters Name=interface-type,Values=lambda', or"
              + " lines 'eni-... function-name'. CloudTrail's CreateNetworkInterface calls in the"
              + " scanned logs are used as well.")
  Path lambdaInterfaces;

  @Option(
      names = "--store",
      paramLabel = "FILE",
      description =
          "Keep every event (normalised, with its raw JSON) and the findings in this DuckDB"
              + " store, created when absent; events already there are not stored twice.")
  Path storeFile;

  @Option(
      names = "--retention-days",
      paramLabel = "N",
      description =
          "With --store: then delete stored events older than the N newest days (counted from"
              + " the newest stored event).")
  Integer retentionDays;

  @Option(
      names = "--investigate",
      arity = "0..1",
      fallbackValue = "medium",
      paramLabel = "SEVERITY",
      description =
          "Investigate every finding at or above SEVERITY (default medium) and merge them into"
              + " incidents; with --store, over the store's events (earlier scans' too).")
  String investigate;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Write incidents.json, incidents.md and report.html to DIR (implies --investigate).")
  Path reportDir;

  @Option(
      names = "--incident-window",
      paramLabel = "DURATION",
      description =
          "Merge findings sharing an actor, key, session or IP within this (default PT24H).")
  Duration incidentWindow = Incidents.DEFAULT_WINDOW;

  ScanCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String format = output.toLowerCase(Locale.ROOT);
    OutputFormat machine = parseFormat(format);
    Severity threshold = failOn == null ? null : parseSeverity(failOn, "--fail-on");
    if (threads < 1) {
      throw new UsageError("--threads must be at least 1");
    }
    if (retentionDays != null && (storeFile == null || retentionDays < 1)) {
      throw new UsageError("--retention-days needs --store and a number of days >= 1");
    }
    RuleCatalog catalog =
        RuleCatalog.load(
            !noBuiltin,
            ruleDirs,
            placeholders == null ? Placeholders.none() : Placeholders.load(placeholders));
    IntelOptions intel =
        IntelOptions.load(intelSpecs, geoip, System.getenv(IntelOptions.ENV), clock);
    Baselines baselines =
        noBaselines ? null : Baselines.prepare(stateFile, learningDays, awsIpRanges);
    InputSpec.Expansion inputs = InputSpec.expand(paths);
    long total = inputs.inputs().stream().mapToLong(i -> Math.max(i.size(), 0)).sum();
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    Severity investigateAt =
        investigate == null && reportDir == null
            ? null
            : parseSeverity(investigate == null ? "medium" : investigate, "--investigate");
    // With a store, investigations read the store (every event since the actor's first appearance
    // in the retention window, earlier scans' too), so no in-memory index is kept.
    InMemoryEventIndex index =
        investigateAt == null || storeFile != null ? null : new InMemoryEventIndex();
    ScanOptions options =
        intel
            .addTo(ScanOptions.defaults())
            .withIntegrity(digestRoots(), keys())
            .withThreads(threads)
            .withMaxRecordBytes(maxRecordBytes)
            .withProgress((d, t) -> done.set(d));
    if (index != null) {
      options = options.withStage(() -> new IndexingStage(index));
    }
    ScanResult result;
    if (baselines != null) {
      // Without --geoip the enricher knows nothing: location and travel baselines stay silent.
      options = options.withStage(baselines.factory(intel.enricher()));
    }
    try (ScanStore store = storeFile == null ? null : ScanStore.open(storeFile, clock);
        ProgressBar bar = ProgressBar.start(!noProgress, err, done::get, total)) {
      result =
          new ScanService(clock)
              .scan(
                  inputs,
                  catalog,
                  store == null ? options : store.attach(options),
                  NetworkArgs.scan(flowFormat, flowRollup, flowSample, threads, intel.indicators())
                      .withLambdaInterfaces(NetworkArgs.lambdaInterfaces(lambdaInterfaces)));
      if (store != null) {
        bar.close();
        store.finish(result, paths, retentionDays, err);
      }
    }
    if (baselines != null) {
      baselines.finish(err);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (machine == null) {
      FindingsTable.print(result.findings(), out);
      out.println();
      RunSummary.print(result, seconds, out);
      intel.summary().ifPresent(s -> s.print(out));
    } else {
      writeMachine(machine, result, err);
      RunSummary.printJson(
          result,
          seconds,
          err,
          intel.summary().<RunSummary.Extra>map(s -> s::writeJson).orElse(RunSummary.Extra.NONE));
    }
    if (index != null) {
      InvestigationRun.run(result.findings(), index, investigateAt, incidentWindow, reportDir, err);
    } else if (investigateAt != null) {
      try (EventStore s = EventStore.openReadOnly(storeFile, clock)) {
        InvestigationRun.run(
            result.findings(),
            ScanStore.lookup(s, clock),
            investigateAt,
            incidentWindow,
            reportDir,
            err);
      }
    }
    if (result.nothingRead()) {
      err.println("trailhound: nothing could be read from the inputs");
      return Trailhound.NOTHING_READ;
    }
    if (threshold != null && result.highest().filter(s -> s.atLeast(threshold)).isPresent()) {
      return Trailhound.FINDINGS_AT_THRESHOLD;
    }
    return Trailhound.OK;
  }

  private List<Path> digestRoots() {
    return paths.stream()
        .filter(p -> !p.equals("-"))
        .map(Path::of)
        .filter(Files::isDirectory)
        .toList();
  }

  private PublicKeys keys() {
    if (publicKeys.isEmpty()) {
      return null;
    }
    try {
      return PublicKeys.load(publicKeys);
    } catch (KeyLoadException e) {
      throw new UsageError(e.getMessage());
    }
  }

  private void writeMachine(OutputFormat format, ScanResult result, PrintWriter err)
      throws IOException {
    var writer = format.writer(clock, Version.current());
    if (outFile == null) {
      PrintWriter out = spec.commandLine().getOut();
      writer.write(result.findings(), out);
      out.flush();
    } else {
      try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        writer.write(result.findings(), w);
      }
      err.println("trailhound: wrote " + result.findings().size() + " findings to " + outFile);
    }
  }

  private static OutputFormat parseFormat(String format) {
    if (format.equals("table")) {
      return null;
    }
    for (OutputFormat f : OutputFormat.values()) {
      if (f.label().equals(format)) {
        return f;
      }
    }
    throw new UsageError("unknown --output '" + format + "': expected table, jsonl, ocsf or asff");
  }

  private static Severity parseSeverity(String text, String option) {
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageError(option + ": " + e.getMessage());
    }
  }
}
