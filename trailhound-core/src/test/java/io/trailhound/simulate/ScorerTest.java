package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trailhound.simulate.truth.GroundTruth;
import io.trailhound.simulate.truth.Score;
import io.trailhound.simulate.truth.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {

  private static final Path DIR = Path.of("src/test/resources/simulate");

  @Test
  void precision_and_recall_count_evidence_ids_per_scenario() throws IOException {
    GroundTruth truth = GroundTruth.read(DIR.resolve("ground-truth.json"));
    Score score = Scorer.score(DIR.resolve("detected.jsonl"), truth);

    Score.ScenarioScore compromise = score.scenarios().get(0);
    assertThat(compromise.detected()).isTrue();
    assertThat(compromise.rules())
        .containsExactly("th-iam-admin-policy-attached", "th-iam-user-created");
    assertThat(compromise.precision()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(compromise.recall()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(score.scenarios().get(1).recall()).isEqualTo(1.0);
    assertThat(score.backgroundBySeverity()).containsExactly(Map.entry("low", 1L));
    assertThat(score.passed()).isTrue();
  }

  @Test
  void a_missed_scenario_or_a_high_finding_on_background_fails() throws IOException {
    GroundTruth truth = GroundTruth.read(DIR.resolve("ground-truth.json"));
    Score score = Scorer.score(DIR.resolve("missed.jsonl"), truth);

    assertThat(score.missed()).isEqualTo(1);
    assertThat(score.severeFalsePositives()).isEqualTo(1);
    assertThat(score.backgroundRules()).containsExactly("th-cloudtrail-logging-stopped (high)");
    assertThat(score.passed()).isFalse();
  }

  @Test
  void a_network_finding_about_a_scenarios_instance_detects_it_and_is_not_background()
      throws IOException {
    GroundTruth truth = GroundTruth.read(DIR.resolve("ground-truth-network.json"));
    Score score = Scorer.score(DIR.resolve("network-findings.jsonl"), truth);

    Score.ScenarioScore mining = score.scenarios().get(0);
    assertThat(mining.detected()).isTrue();
    assertThat(mining.rules()).containsExactly("dns-threat-intel", "net-crypto-mining-port");
    assertThat(score.backgroundRules()).containsExactly("net-port-probe (low)");
    assertThat(score.passed()).isTrue();
    assertThat(truth.scenarios().get(0).networkEvidence())
        .singleElement()
        .asString()
        .contains("pool.supportxmr.com");
  }

  @TempDir Path tmp;

  @Test
  void ground_truth_survives_a_write_and_read() throws IOException {
    for (String name : new String[] {"ground-truth.json", "ground-truth-network.json"}) {
      GroundTruth truth = GroundTruth.read(DIR.resolve(name));
      Path copy = tmp.resolve(name);
      truth.write(copy);
      assertThat(GroundTruth.read(copy)).isEqualTo(truth);
    }
  }
}
