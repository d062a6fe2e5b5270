package io.trailhound.scan;

import io.trailhound.detect.baseline.BaselineConfig;
import io.trailhound.detect.baseline.ProfileStore;
import io.trailhound.finding.Finding;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.testing.MapEnricher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Scans baseline fixture files with the baselines alone (no rules) and the test enrichment. */
final class BaselineRun {

  static final Path DIR = Path.of("src/test/resources/baseline");
  static final MapEnricher ENRICHER = new MapEnricher(DIR.resolve("enrichment.tsv"));

  private BaselineRun() {}

  static BaselineConfig config() {
    return BaselineStage.defaultConfig().withLearning(Duration.ofDays(7));
  }

  static List<Finding> scan(
      ProfileStore store, BaselineConfig config, int threads, String... files) {
    List<String> paths =
        java.util.Arrays.stream(files).map(f -> DIR.resolve(f).toString()).toList();
    ScanResult result =
        new ScanService(Clock.systemUTC())
            .scan(
                InputSpec.expand(paths),
                RuleCatalog.load(false, List.of(), Placeholders.none()),
                ScanOptions.defaults()
                    .withThreads(threads)
                    .withStage(BaselineStage.factory(ENRICHER, store, config)));
    return result.findings();
  }

  static List<Finding> scan(String... files) {
    return scan(BaselineStage.newStore(), config(), 2, files);
  }

  static List<Finding> of(List<Finding> findings, String ruleId) {
    return findings.stream().filter(f -> f.rule().ruleId().equals(ruleId)).toList();
  }
}
