package io.trailhound.scan;

import static io.trailhound.scan.BaselineRun.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.detect.baseline.BaselineStateException;
import io.trailhound.detect.baseline.ProfileStore;
import io.trailhound.detect.baseline.StateFile;
import io.trailhound.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStateTest {

  private static final String[] ALL = {
    "history.jsonl",
    "attack.jsonl",
    "ci-launches.jsonl",
    "ci-launch-gpu.jsonl",
    "instance-own.jsonl",
    "instance-stolen.jsonl",
    "logins-impossible.jsonl",
    "denied-spread.jsonl",
    "enumeration-history.jsonl",
    "enumeration-burst.jsonl",
    "s3-history.jsonl",
    "s3-wipe.jsonl",
    "lambda-usual.jsonl",
    "lambda-stolen.jsonl"
  };

  private static List<String> fingerprint(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.id() + " " + f.evidence() + " " + f.eventCount() + " " + f.explanation())
        .toList();
  }

  @Test
  void results_do_not_depend_on_file_order_or_threads() {
    List<String> reference =
        fingerprint(BaselineRun.scan(BaselineStage.newStore(), BaselineRun.config(), 1, ALL));
    assertThat(reference).hasSize(12);
    Random random = new Random(42);
    for (int round = 0; round < 4; round++) {
      List<String> files = new ArrayList<>(List.of(ALL));
      Collections.shuffle(files, random);
      List<Finding> shuffled =
          BaselineRun.scan(
              BaselineStage.newStore(), BaselineRun.config(), 2, files.toArray(String[]::new));
      assertThat(fingerprint(shuffled)).as("order " + files).isEqualTo(reference);
    }
  }

  @Test
  void run_one_learns_run_two_flags_the_new_country_and_run_three_does_not_repeat_it(
      @TempDir Path dir) {
    Path state = dir.resolve("baselines.json");
    ProfileStore first = StateFile.load(state, 1000, 32);
    assertThat(BaselineRun.scan(first, BaselineRun.config(), 2, "history.jsonl")).isEmpty();
    StateFile.save(first, state);

    ProfileStore second = StateFile.load(state, 1000, 32);
    List<Finding> run2 = BaselineRun.scan(second, BaselineRun.config(), 2, "attack.jsonl");
    assertThat(of(run2, "th-baseline-unusual-location"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("seen before only from AS64496 (36 in all) in US (36 in all)"));
    assertThat(of(run2, "th-baseline-anomalous-defense-evasion")).hasSize(1);
    StateFile.save(second, state);

    ProfileStore third = StateFile.load(state, 1000, 32);
    List<Finding> run3 = BaselineRun.scan(third, BaselineRun.config(), 2, "attack.jsonl");
    assertThat(of(run3, "th-baseline-unusual-location")).isEmpty();
    assertThat(of(run3, "th-baseline-anomalous-defense-evasion")).isEmpty();
  }

  @Test
  void a_single_run_and_two_runs_through_the_state_file_agree_on_the_location_finding(
      @TempDir Path dir) {
    Path state = dir.resolve("s.json");
    ProfileStore a = StateFile.load(state, 1000, 32);
    BaselineRun.scan(a, BaselineRun.config(), 2, "history.jsonl");
    StateFile.save(a, state);
    Finding split =
        of(
                BaselineRun.scan(
                    StateFile.load(state, 1000, 32), BaselineRun.config(), 2, "attack.jsonl"),
                "th-baseline-unusual-location")
            .get(0);
    Finding whole =
        of(BaselineRun.scan("history.jsonl", "attack.jsonl"), "th-baseline-unusual-location")
            .get(0);
    assertThat(split.id()).isEqualTo(whole.id());
    assertThat(split.explanation()).isEqualTo(whole.explanation());
  }

  @Test
  void an_instances_own_addresses_learned_in_run_one_let_run_two_see_its_credentials_stolen(
      @TempDir Path dir) {
    Path state = dir.resolve("s.json");
    ProfileStore first = StateFile.load(state, 1000, 32);
    assertThat(BaselineRun.scan(first, BaselineRun.config(), 2, "instance-own.jsonl")).isEmpty();
    StateFile.save(first, state);

    List<Finding> run2 =
        BaselineRun.scan(
            StateFile.load(state, 1000, 32), BaselineRun.config(), 2, "instance-stolen.jsonl");
    assertThat(of(run2, "th-baseline-instance-credential-outside-aws"))
        .singleElement()
        .satisfies(f -> assertThat(f.sourceIps()).containsExactly("203.0.113.66"));
    assertThat(of(run2, "th-baseline-instance-credential-inside-aws")).hasSize(1);
  }

  @Test
  void a_corrupt_or_foreign_state_file_is_a_clear_error(@TempDir Path dir) throws Exception {
    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(
        corrupt,
        "{\"schema\":\"trailhound.baseline-state/v1\",\"actors\":[{",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StateFile.load(corrupt, 10, 8))
        .isInstanceOf(BaselineStateException.class)
        .hasMessageStartingWith(corrupt.toString());

    Path foreign = dir.resolve("foreign.json");
    Files.writeString(
        foreign, "{\"schema\":\"something-else/v3\",\"actors\":[]}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StateFile.load(foreign, 10, 8))
        .isInstanceOf(BaselineStateException.class)
        .hasMessageContaining("'something-else/v3' is not trailhound.baseline-state/v1");

    Path binary = dir.resolve("binary.json");
    Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 0, 1, 2});
    assertThatThrownBy(() -> StateFile.load(binary, 10, 8))
        .isInstanceOf(BaselineStateException.class);
  }

  @Test
  void saving_replaces_the_file_whole_and_leaves_no_temporary_files(@TempDir Path dir)
      throws Exception {
    Path state = dir.resolve("state.json");
    Files.writeString(state, "old", StandardCharsets.UTF_8);
    ProfileStore store = BaselineStage.newStore();
    BaselineRun.scan(store, BaselineRun.config(), 1, "history.jsonl");
    StateFile.save(store, state);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(state);
    }
    assertThat(Files.readString(state, StandardCharsets.UTF_8))
        .startsWith("{\"schema\":\"trailhound.baseline-state/v1\"");
    assertThat(StateFile.load(state, 1000, 32).size()).isEqualTo(store.size());
  }
}
