package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.integrity.DigestWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} verifies CloudTrail digests found under the folders it scans. */
class ScanIntegrityTest {

  private static final Path DAY =
      Path.of("../examples/logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20");

  @TempDir Path root;
  private Path key;
  private List<Path> logs;

  @BeforeEach
  void signed_trail() throws IOException, NoSuchAlgorithmException {
    Path dir = root.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20");
    Files.createDirectories(dir);
    logs = new ArrayList<>();
    try (Stream<Path> files = Files.list(DAY)) {
      for (Path f : files.sorted().limit(3).toList()) {
        logs.add(Files.copy(f, dir.resolve(f.getFileName())));
      }
    }
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair pair = gen.generateKeyPair();
    DigestWriter writer = new DigestWriter(pair, "trail-bucket", "main", "us-east-1");
    writer.write(
        root,
        "111122223333",
        "us-east-1",
        Instant.parse("2026-11-20T00:00:00Z"),
        Instant.parse("2026-11-21T00:00:00Z"),
        logs);
    key = root.resolve("key.pem");
    writer.writePublicKeyPem(key);
  }

  @Test
  void an_untouched_signed_trail_verifies_with_no_integrity_finding() {
    Cli run =
        Cli.run(
            "scan", "--public-key", key.toString(), root.resolve("AWSLogs").getParent().toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Integrity: 1 digest files, 3 log files checked, 0 problems");
    assertThat(run.out()).doesNotContain("signatures not checked");
  }

  @Test
  void an_edited_log_file_is_a_high_finding() throws IOException {
    rewrite(logs.get(0), "\"us-east-1\"", "\"us-east-2\"");

    Cli run = Cli.run("scan", "--fail-on", "high", "--public-key", key.toString(), root.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("1 problems");
  }

  @Test
  void without_a_key_hashes_are_still_checked_and_signatures_are_said_to_be_unchecked()
      throws IOException {
    Files.delete(logs.get(1));

    Cli run = Cli.run("scan", "--output", "jsonl", root.toString());

    assertThat(run.out()).contains("th-integrity-log-file-missing");
    assertThat(run.err()).contains("\"signatures_checked\":false");
    assertThat(run.out()).doesNotContain("th-integrity-digest-key-unknown");
  }

  private static void rewrite(Path gz, String from, String to) throws IOException {
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).contains(from);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          text.replaceFirst(java.util.regex.Pattern.quote(from), to)
              .getBytes(StandardCharsets.UTF_8));
    }
  }
}
