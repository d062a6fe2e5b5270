package io.trailhound.scan;

import io.trailhound.finding.FindingCollector;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/**
 * Batch analysis: read the inputs, evaluate every rule on every event, gather findings. Events flow
 * one way — reader threads hand each event to the engine and the matches to the collector — and
 * nothing but findings is kept, so memory does not grow with the input.
 */
public final class ScanService {

  private final Clock clock;

  public ScanService(Clock clock) {
    this.clock = clock;
  }

  /** Scans the inputs with the catalogue's rules. */
  public ScanResult scan(InputSpec.Expansion inputs, RuleCatalog catalog, ScanOptions options) {
    FindingCollector findings = new FindingCollector();
    LongAdder matches = new LongAdder();
    IngestOptions ingest =
        IngestOptions.defaults()
            .withCapture(catalog.engine().requiredPaths(), catalog.engine().needsFullText())
            .withThreads(options.threads())
            .withMaxRecordBytes(options.maxRecordBytes())
            .withProgress(options.progress());
    IngestReport report =
        new IngestService(clock)
            .run(
                inputs,
                ingest,
                event ->
                    catalog
                        .engine()
                        .match(
                            event,
                            rule -> {
                              matches.increment();
                              findings.add(catalog.info(rule), event);
                            }));
    return new ScanResult(report, catalog.rules().size(), matches.sum(), findings.findings());
  }
}
