package io.trailhound.investigate;

import io.trailhound.finding.Finding;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A scan of test inputs with the built-in pack, indexed for investigation. */
record Scanned(ScanResult result, InMemoryEventIndex index) {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  static Scanned of(Path... inputs) {
    InMemoryEventIndex index = new InMemoryEventIndex();
    ScanResult result =
        new ScanService(CLOCK)
            .scan(
                InputSpec.expand(List.of(inputs).stream().map(Path::toString).toList()),
                RuleCatalog.load(true, List.of(), Placeholders.none()),
                ScanOptions.defaults().withThreads(2).withStage(() -> new IndexingStage(index)));
    return new Scanned(result, index);
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/investigate", name);
  }

  Investigator investigator() {
    return new Investigator(index);
  }

  Finding finding(String rule) {
    return result.findings().stream()
        .filter(f -> f.rule().name().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding of " + rule + ": " + result.findings()));
  }
}
