package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.simulate.truth.GroundTruth;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  static SimulationOptions small(long seed, Path out) {
    return SimulationOptions.defaults(seed, out).withAccounts(2).withScale(0.3);
  }

  /** CloudTrail only: the tests below are about the trail's delivery. */
  static SimulationOptions trailOnly(long seed, Path out) {
    return small(seed, out).withSources(EnumSet.of(SimulatedSource.CLOUDTRAIL));
  }

  @Test
  void the_same_seed_writes_byte_identical_trees() throws Exception {
    Simulator.run(small(7, tmp.resolve("a")));
    Simulator.run(small(7, tmp.resolve("b")));
    Simulator.run(small(8, tmp.resolve("c")));

    Map<String, String> a = hashes(tmp.resolve("a"));
    assertThat(a).hasSizeGreaterThan(100);
    assertThat(a.keySet())
        .anyMatch(f -> f.contains("vpcflowlogs"))
        .anyMatch(f -> f.contains("vpcdnsquerylogs"))
        .anyMatch(f -> f.startsWith("okta"))
        .anyMatch(f -> f.startsWith("entra"));
    assertThat(hashes(tmp.resolve("b"))).isEqualTo(a);
    assertThat(hashes(tmp.resolve("c"))).isNotEqualTo(a);
  }

  @Test
  void every_record_is_read_by_the_real_reader_without_skips_or_duplicates() throws IOException {
    SimulationSummary summary = Simulator.run(trailOnly(11, tmp));
    AtomicLong seen = new AtomicLong();

    IngestReport report =
        new IngestService(CLOCK)
            .run(
                InputSpec.expand(List.of(summary.logs().toString())),
                IngestOptions.defaults(),
                e -> seen.incrementAndGet());

    assertThat(report.skipped()).isZero();
    assertThat(report.duplicates()).isZero();
    assertThat(seen.get()).isEqualTo(summary.events()).isGreaterThan(1000);
    assertThat(report.digestFiles()).isPositive();
    assertThat(report.filesRead() - report.digestFiles()).isEqualTo(summary.files());
  }

  @Test
  void files_follow_the_s3_delivery_layout_and_are_gzipped_records() throws IOException {
    SimulationSummary summary = Simulator.run(trailOnly(3, tmp));
    try (Stream<Path> files = Files.walk(summary.logs())) {
      List<Path> all =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("CloudTrail-Digest"))
              .toList();
      assertThat(all).isNotEmpty();
      for (Path f : all) {
        String rel = summary.logs().relativize(f).toString().replace('\\', '/');
        assertThat(rel)
            .matches(
                "\\d{12}/CloudTrail/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/\\d{12}_CloudTrail_[a-z0-9-]+_"
                    + "\\d{8}T\\d{4}Z_[A-Z0-9]{16}\\.json\\.gz");
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(all.get(0)))) {
        assertThat(new String(in.readNBytes(12), StandardCharsets.UTF_8))
            .isEqualTo("{\"Records\":[");
      }
    }
  }

  @Test
  void ground_truth_names_every_scenario_with_its_events() throws IOException {
    SimulationSummary summary = Simulator.run(small(5, tmp));
    GroundTruth truth = GroundTruth.read(summary.truthFile());

    assertThat(truth.scenarios()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(truth.scenarios())
        .allSatisfy(
            s -> {
              assertThat(s.eventIds()).isNotEmpty();
              assertThat(s.actorArn()).startsWith("arn:aws:");
              assertThat(s.first()).isBeforeOrEqualTo(s.last());
            });
    assertThat(truth).isEqualTo(summary.truth());
  }

  private static Map<String, String> hashes(Path root)
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        out.put(
            root.relativize(f).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }
}
