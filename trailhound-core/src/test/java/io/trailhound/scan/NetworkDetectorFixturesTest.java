package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.detect.network.NetworkDetection;
import io.trailhound.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every network detector on its fixture files: each {@code match/} file raises the type and
 * explanation its {@code expected.tsv} line names; no {@code nomatch/} file (near misses among
 * them) raises a finding of that detector.
 */
class NetworkDetectorFixturesTest {

  @Test
  void every_network_detector_has_positive_and_negative_fixtures() throws IOException {
    for (String id : NetworkDetection.IDS) {
      assertThat(files(id, "match")).as(id + " match fixtures").isNotEmpty();
      assertThat(files(id, "nomatch")).as(id + " nomatch fixtures").isNotEmpty();
      assertThat(
              files(id, "nomatch").stream()
                  .anyMatch(p -> p.getFileName().toString().startsWith("near-miss")))
          .as(id + " has a near-miss fixture")
          .isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> match_fixtures_raise_the_expected_type_with_an_explanation()
      throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : NetworkDetection.IDS) {
      Path expected = NetworkScans.resource(id + "/match/expected.tsv");
      for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Path file = expected.resolveSibling(f[0]);
        tests.add(
            DynamicTest.dynamicTest(
                id + " fires on " + f[0],
                () -> {
                  List<Finding> found = findingsOf(id, file);
                  assertThat(found).as("findings of " + id).isNotEmpty();
                  assertThat(found)
                      .anySatisfy(
                          finding -> {
                            if (!f[1].isEmpty()) {
                              assertThat(finding.rule().types()).containsExactly(f[1]);
                            }
                            assertThat(finding.explanation()).contains(f[2]);
                          });
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> nomatch_fixtures_raise_nothing_from_the_detector() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : NetworkDetection.IDS) {
      for (Path file : files(id, "nomatch")) {
        tests.add(
            DynamicTest.dynamicTest(
                id + " stays quiet on " + file.getFileName(),
                () -> assertThat(findingsOf(id, file)).extracting(Finding::explanation).isEmpty()));
      }
    }
    return tests.stream();
  }

  private static List<Finding> findingsOf(String id, Path file) {
    ScanResult r = NetworkScans.scan(List.of(file));
    assertThat(r.network().skipped()).as("skips reading " + file).isZero();
    return r.findings().stream().filter(x -> x.rule().ruleId().equals(id)).toList();
  }

  private static List<Path> files(String id, String kind) throws IOException {
    Path dir = NetworkScans.resource(id + "/" + kind);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList();
    }
  }
}
