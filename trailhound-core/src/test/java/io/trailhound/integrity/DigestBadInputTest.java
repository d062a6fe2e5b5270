package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests are attacker-controlled: bad ones are counted problems, never exceptions. */
class DigestBadInputTest {

  @TempDir Path root;

  private static void writeGzip(Path file, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
  }

  private static Problem only(VerificationReport r) {
    assertThat(r.problems()).hasSize(1);
    return r.problems().get(0);
  }

  @Test
  void a_corrupt_gzip_digest_is_unreadable() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path last = trail.digests.get(2).digest();
    byte[] gz = Files.readAllBytes(last);
    Files.write(last, Arrays.copyOf(gz, gz.length / 2));

    VerificationReport r = trail.verify();

    Problem p = only(r);
    assertThat(p.kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
    assertThat(p.detail()).startsWith("cannot read");
    assertThat(p.account()).isEqualTo(TestTrail.ACCOUNT);
    assertThat(p.trail()).isEqualTo(TestTrail.TRAIL);
    assertThat(r.digestsVerified()).isEqualTo(2);
  }

  @Test
  void a_corrupt_digest_in_the_middle_is_reported_once() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.write(trail.digests.get(1).digest(), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});

    VerificationReport r = trail.verify();

    assertThat(only(r).kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
    assertThat(r.logFilesNotCovered()).isEqualTo(TestTrail.FILES_PER_HOUR);
  }

  @Test
  void a_truncated_digest_json_is_unreadable() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path last = trail.digests.get(2).digest();
    byte[] json = Hashes.readUncompressed(last, Long.MAX_VALUE);
    writeGzip(last, Arrays.copyOf(json, json.length - 40));

    Problem p = only(trail.verify());

    assertThat(p.kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
    assertThat(p.detail()).startsWith("invalid JSON");
  }

  @Test
  void a_digest_missing_a_field_is_unreadable_and_names_the_field() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Tampering.editDigest(trail.digests.get(2).digest(), d -> d.remove("digestEndTime"));

    Problem p = only(trail.verify());

    assertThat(p.kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
    assertThat(p.detail()).isEqualTo("missing field digestEndTime");
  }

  @Test
  void a_log_entry_missing_its_hash_is_unreadable() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Tampering.editDigest(
        trail.digests.get(2).digest(),
        d ->
            ((com.fasterxml.jackson.databind.node.ObjectNode) d.get("logFiles").get(1))
                .remove("hashValue"));

    Problem p = only(trail.verify());

    assertThat(p.detail()).isEqualTo("missing field logFiles[1].hashValue");
  }

  @Test
  void a_digest_over_the_size_limit_is_unreadable_and_the_rest_verifies() throws IOException {
    TestTrail trail = TestTrail.write(root);
    long limit = Hashes.readUncompressed(trail.digests.get(1).digest(), Long.MAX_VALUE).length + 8;
    Tampering.editDigest(
        trail.digests.get(2).digest(), d -> d.put("padding", "x".repeat((int) limit)));

    VerificationReport r = new DigestVerifier(trail.publicKeys(), limit, 2).verify(root);

    Problem p = only(r);
    assertThat(p.kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
    assertThat(p.detail()).contains("larger than the limit");
    assertThat(r.digestsVerified()).isEqualTo(2);
  }

  @Test
  void a_digest_that_is_not_json_at_all_is_unreadable() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.write(trail.digests.get(2).digest(), new byte[] {0, 1, 2, (byte) 0xff, '{'});

    assertThat(only(trail.verify()).kind()).isEqualTo(ProblemKind.DIGEST_UNREADABLE);
  }

  @Test
  void a_signature_sidecar_that_is_not_hex_is_an_invalid_signature() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.writeString(
        trail.digests.get(2).signatureFile(), "not hex!", java.nio.charset.StandardCharsets.UTF_8);

    Problem p = only(trail.verify());

    assertThat(p.kind()).isEqualTo(ProblemKind.DIGEST_SIGNATURE_INVALID);
    assertThat(p.detail()).contains("not hex");
  }

  @Test
  void a_log_file_with_corrupt_gzip_is_altered() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path log = trail.logs.get(0).get(0);
    byte[] gz = Files.readAllBytes(log);
    Files.write(log, Arrays.copyOf(gz, gz.length - 12));

    Problem p = only(trail.verify());

    assertThat(p.kind()).isEqualTo(ProblemKind.LOG_FILE_ALTERED);
  }

  @Test
  void a_digest_with_a_name_nobody_understands_is_still_verified_by_content() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path first = trail.digests.get(0).digest();
    Files.move(first, first.resolveSibling("renamed.json.gz"));
    Files.move(trail.digests.get(0).signatureFile(), first.resolveSibling("renamed.json.gz.sig"));

    VerificationReport r = trail.verify();

    assertThat(r.digestsVerified()).isEqualTo(3);
  }
}
