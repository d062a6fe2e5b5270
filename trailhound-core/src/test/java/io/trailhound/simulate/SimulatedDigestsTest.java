package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.integrity.DigestVerifier;
import io.trailhound.integrity.ProblemKind;
import io.trailhound.integrity.PublicKeys;
import io.trailhound.integrity.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated trail has log-file integrity validation on: it verifies, and tampering shows. */
class SimulatedDigestsTest {

  @TempDir static Path out;
  private static PublicKeys keys;

  @BeforeAll
  static void simulate() throws IOException {
    Simulator.run(SimulatorTest.small(11, out).withDays(1));
    keys = PublicKeys.load(List.of(out.resolve("cloudtrail-public-key.pem")));
  }

  private static VerificationReport verify() throws IOException {
    return new DigestVerifier(keys).verify(out);
  }

  private static List<Path> logFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(out.resolve("AWSLogs"))) {
      return walk.filter(p -> p.toString().contains("/CloudTrail/"))
          .filter(p -> p.toString().endsWith(".json.gz"))
          .sorted()
          .toList();
    }
  }

  @Test
  void an_untouched_simulation_verifies_end_to_end() throws IOException {
    VerificationReport report = verify();
    assertThat(report.problems()).isEmpty();
    assertThat(report.digestFiles()).isPositive();
    assertThat(report.logFilesChecked()).isEqualTo(logFiles().size());
  }

  @Test
  void a_deleted_log_file_is_reported_missing_then_restored() throws IOException {
    Path victim = logFiles().get(3);
    byte[] saved = Files.readAllBytes(victim);
    Files.delete(victim);
    try {
      assertThat(verify().problems())
          .extracting(p -> p.kind())
          .containsExactly(ProblemKind.LOG_FILE_MISSING);
    } finally {
      Files.write(victim, saved);
    }
  }
}
