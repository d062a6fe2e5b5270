package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.output.JsonlFindingWriter;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.simulate.truth.Score;
import io.trailhound.simulate.truth.Scorer;
import io.trailhound.source.InputSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void the_builtin_pack_detects_every_scenario_and_raises_nothing_severe_on_background()
      throws IOException {
    SimulationSummary sim =
        Simulator.run(SimulationOptions.defaults(20261123, tmp.resolve("sim")).withScale(0.5));
    ScanResult result =
        new ScanService(CLOCK)
            .scan(
                InputSpec.expand(List.of(sim.logs().toString())),
                RuleCatalog.load(true, List.of(), Placeholders.none()),
                ScanOptions.defaults().withThreads(2));
    Path findings = tmp.resolve("findings.jsonl");
    try (Writer w = Files.newBufferedWriter(findings, StandardCharsets.UTF_8)) {
      new JsonlFindingWriter().write(result.findings(), w);
    }

    Score score = Scorer.score(findings, sim.truth());

    assertThat(score.scenarios())
        .as("scenarios: %s", score.scenarios())
        .allSatisfy(s -> assertThat(s.detected()).as(s.id()).isTrue());
    assertThat(score.severeFalsePositives())
        .as("background findings: %s", score.backgroundRules())
        .isZero();
    assertThat(score.passed()).isTrue();
    List<String> miners =
        sim.truth().scenarios().stream()
            .filter(s -> s.kind().equals("cryptomining"))
            .flatMap(s -> s.networkIds().stream())
            .filter(id -> id.startsWith("i-"))
            .toList();
    assertThat(miners).isNotEmpty();
    for (String type :
        List.of("CryptoCurrency:EC2/BitcoinTool.B", "CryptoCurrency:EC2/BitcoinTool.B!DNS")) {
      assertThat(result.findings())
          .as(type)
          .anyMatch(
              f ->
                  f.rule().types().contains(type)
                      && f.resources().stream()
                          .anyMatch(r -> miners.stream().anyMatch(m -> r.arn().contains(m))));
    }
  }
}
