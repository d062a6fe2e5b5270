package io.trailhound.scan;

import io.trailhound.detect.correlation.CorrelationEngine;
import io.trailhound.detect.network.LambdaInterfaces;
import io.trailhound.detect.network.NetworkDetection;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import io.trailhound.integrity.VerificationReport;
import io.trailhound.source.Input;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import io.trailhound.source.net.LogKind;
import io.trailhound.source.net.LogSniffer;
import io.trailhound.source.net.NetworkIngest;
import io.trailhound.source.net.NetworkOptions;
import io.trailhound.source.net.NetworkReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Batch analysis: read the inputs, evaluate every rule on every event, feed rule matches to the
 * correlation engine, gather findings, and verify CloudTrail digest files when the inputs hold any.
 * Events flow one way — reader threads hand each event to the engine and the matches to the
 * collectors — and nothing but findings and compact correlation records is kept, so memory does not
 * grow with the input.
 */
public final class ScanService {

  private final Clock clock;

  public ScanService(Clock clock) {
    this.clock = clock;
  }

  /** Scans the inputs with the catalogue's rules (network logs with the default settings). */
  public ScanResult scan(InputSpec.Expansion inputs, RuleCatalog catalog, ScanOptions options) {
    return scan(inputs, catalog, options, NetworkScan.defaults());
  }

  /**
   * Scans the inputs: each file goes to the reader of its log type ({@link LogSniffer}); CloudTrail
   * events meet the rules, flow records and resolver queries the network detectors.
   */
  public ScanResult scan(
      InputSpec.Expansion given, RuleCatalog catalog, ScanOptions options, NetworkScan network) {
    Map<LogKind, List<Input>> kinds = new EnumMap<>(LogKind.class);
    for (LogKind k : LogKind.values()) {
      kinds.put(k, new ArrayList<>());
    }
    for (Input input : given.inputs()) {
      kinds.get(LogSniffer.detect(input)).add(input);
    }
    InputSpec.Expansion inputs =
        new InputSpec.Expansion(kinds.get(LogKind.CLOUDTRAIL), given.skips());
    FindingCollector findings = new FindingCollector();
    CorrelationEngine correlations = catalog.newCorrelationEngine();
    LongAdder matches = new LongAdder();
    Set<String> paths = new HashSet<>(catalog.engine().requiredPaths());
    paths.addAll(correlations.requiredPaths());
    List<ScanStage> stages = options.stages().stream().map(ScanStage.Factory::create).toList();
    stages.forEach(stage -> paths.addAll(stage.requiredPaths()));
    // Lambda functions' interfaces, for the network detectors: from the given inventory and from
    // CloudTrail's CreateNetworkInterface calls, which are read before the network logs.
    LambdaInterfaces lambdas = network.lambdaInterfaces().copy();
    boolean flows = !kinds.get(LogKind.VPC_FLOW).isEmpty();
    if (flows) {
      paths.addAll(LambdaInterfaces.PATHS);
    }
    ExternalFindings external = new ExternalFindings();
    IngestOptions ingest =
        IngestOptions.defaults()
            .withOnFinding(external::add)
            .withCapture(paths, catalog.engine().needsFullText())
            .withThreads(options.threads())
            .withMaxRecordBytes(options.maxRecordBytes())
            .withProgress(options.progress());
    IngestReport report =
        new IngestService(clock)
            .run(
                inputs,
                ingest,
                event -> {
                  catalog
                      .engine()
                      .match(
                          event,
                          rule -> {
                            matches.increment();
                            correlations.offer(rule, event);
                            if (!correlations.suppresses(rule)) {
                              findings.add(catalog.info(rule), event);
                            }
                          });
                  for (ScanStage stage : stages) {
                    stage.accept(event);
                  }
                  if (flows) {
                    lambdas.accept(event);
                  }
                });
    List<Finding> all = new ArrayList<>(findings.findings());
    List<Finding> staged = new ArrayList<>();
    stages.forEach(stage -> staged.addAll(stage.finish()));
    ChainExplanations chains = offer(staged, correlations);
    all.addAll(staged);
    all.addAll(chains.explain(CorrelationFindings.toFindings(correlations.finish())));
    all.addAll(external.findings());
    NetworkReport net = NetworkReport.NONE;
    if (!kinds.get(LogKind.VPC_FLOW).isEmpty() || !kinds.get(LogKind.DNS).isEmpty()) {
      NetworkFindings convert = new NetworkFindings();
      NetworkDetection detection =
          new NetworkDetection(convert::params, network.ips(), network.domains(), lambdas);
      net =
          NetworkIngest.run(
              kinds.get(LogKind.VPC_FLOW),
              kinds.get(LogKind.DNS),
              new NetworkOptions(
                  network.options().flowFormat(),
                  network.options().rollup(),
                  network.options().sample(),
                  options.threads(),
                  network.options().parquet()),
              detection::accept,
              detection::accept);
      all.addAll(convert.toFindings(detection.finish()));
    }
    List<VerificationReport> integrity =
        report.digestFiles() > 0
            ? IntegrityCheck.run(options.digestRoots(), options.keys(), options.threads())
            : List.of();
    integrity.forEach(r -> all.addAll(r.findings()));
    all.sort(FindingCollector.ORDER);
    return new ScanResult(
        report,
        catalog.rules().size() + catalog.correlations().size(),
        matches.sum(),
        all,
        integrity,
        options.keys() != null,
        external.inactive(),
        net);
  }

  /**
   * Feeds the stages' findings (baselines, intel) to the correlations that reference their
   * detectors, each as one match at its triggering event (its first sample, the event that showed
   * it; a finding without samples has no event to place in a window and is not offered). The
   * stages' own findings are still reported.
   */
  static ChainExplanations offer(List<Finding> staged, CorrelationEngine correlations) {
    ChainExplanations chains = new ChainExplanations();
    for (Finding f : staged) {
      if (!correlations.listensTo(f.rule().ruleId()) || f.samples().isEmpty()) {
        continue;
      }
      correlations.offer(f.rule().ruleId(), f.samples().get(0));
      chains.offered(f);
    }
    return chains;
  }
}
