package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.coverage.ContentItem;
import io.trailhound.coverage.ContentItems;
import io.trailhound.coverage.CoverageCatalogs;
import io.trailhound.coverage.StratusTechnique;
import io.trailhound.finding.output.JsonlFindingWriter;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.simulate.scenario.Scenarios;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private RuleCatalog catalog;

  @Test
  void scenarios_replay_every_stratus_technique_of_the_catalogue() {
    Set<String> replayed =
        Scenarios.all().stream()
            .flatMap(s -> s.techniques().stream())
            .filter(t -> t.startsWith("aws."))
            .collect(Collectors.toSet());
    assertThat(replayed)
        .containsExactlyInAnyOrderElementsOf(
            CoverageCatalogs.builtin().stratus().stream().map(StratusTechnique::id).toList());
  }

  /**
   * A scenario replaying a Stratus technique is found by a rule or detector that declares that
   * technique (its {@code stratus} attribute), not only by what an attacker's address or tool
   * happens to set off.
   */
  private void stratusScenariosAreDetectedByTheirOwnRules(Score score, SimulationSummary sim) {
    Map<String, List<String>> declared = new HashMap<>();
    for (ContentItem item : ContentItems.of(catalog, DetectorMetadata.builtinIds())) {
      declared.put(item.name(), item.stratus());
    }
    Map<String, List<String>> techniques = new HashMap<>();
    sim.truth().scenarios().forEach(t -> techniques.put(t.id(), t.techniques()));
    for (Score.ScenarioScore s : score.scenarios()) {
      List<String> stratus =
          techniques.get(s.id()).stream().filter(t -> t.startsWith("aws.")).toList();
      if (stratus.isEmpty()) {
        continue;
      }
      assertThat(s.rules())
          .as("%s (%s) is found by a rule declaring it", s.id(), stratus)
          .anyMatch(
              rule -> declared.getOrDefault(rule, List.of()).stream().anyMatch(stratus::contains));
    }
  }

  @Test
  void the_builtin_pack_detects_every_scenario_and_raises_nothing_severe_on_background()
      throws IOException {
    SimulationSummary sim =
        Simulator.run(SimulationOptions.defaults(20261123, tmp.resolve("sim")).withScale(0.5));
    catalog = RuleCatalog.load(true, List.of(), Placeholders.none());
    ScanResult result =
        new ScanService(CLOCK)
            .scan(
                InputSpec.expand(sim.inputPaths()), catalog, ScanOptions.defaults().withThreads(2));
    Path findings = tmp.resolve("findings.jsonl");
    try (Writer w = Files.newBufferedWriter(findings, StandardCharsets.UTF_8)) {
      new JsonlFindingWriter().write(result.findings(), w);
    }

    Score score = Scorer.score(findings, sim.truth());
    stratusScenariosAreDetectedByTheirOwnRules(score, sim);

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
