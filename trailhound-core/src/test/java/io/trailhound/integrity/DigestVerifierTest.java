package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestVerifierTest {

  @TempDir Path root;

  private static List<ProblemKind> kinds(VerificationReport r) {
    return r.problems().stream().map(Problem::kind).toList();
  }

  private String shown(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  @Test
  void a_valid_chain_verifies() {
    TestTrail trail = TestTrail.write(root);

    VerificationReport r = trail.verify();

    assertThat(r.problems()).isEmpty();
    assertThat(r.verified()).isTrue();
    assertThat(r.digestFiles()).isEqualTo(3);
    assertThat(r.digestsVerified()).isEqualTo(3);
    assertThat(r.logFilesListed()).isEqualTo(6);
    assertThat(r.logFilesChecked()).isEqualTo(6);
    assertThat(r.logFilesFound()).isEqualTo(6);
    assertThat(r.chainStarts()).isEqualTo(1);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void an_organization_trail_verifies() {
    TestTrail trail = TestTrail.write(root, "o-abcdef1234");

    VerificationReport r = trail.verify();

    assertThat(trail.digests.get(0).digest().toString()).contains("/AWSLogs/o-abcdef1234/");
    assertThat(r.problems()).isEmpty();
    assertThat(r.digestsVerified()).isEqualTo(3);
  }

  @Test
  void an_edited_record_is_an_altered_log_file() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path log = trail.logs.get(1).get(0);
    Tampering.editRecord(log);

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.LOG_FILE_ALTERED);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(log));
    List<Finding> findings = r.findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.rule().ruleId()).isEqualTo("th-integrity-log-file-altered");
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.rule().tactics()).containsExactly("defense-evasion");
    assertThat(f.rule().techniques()).contains("T1565.001");
    assertThat(f.account()).isEqualTo(TestTrail.ACCOUNT);
    assertThat(f.region()).isEqualTo(TestTrail.REGION);
    assertThat(f.actor()).isEqualTo(TestTrail.TRAIL);
    assertThat(f.firstSeen()).isEqualTo(TestTrail.T0.plus(Duration.ofHours(1)));
    assertThat(f.lastSeen()).isEqualTo(TestTrail.T0.plus(Duration.ofHours(2)));
    assertThat(f.evidence()).containsExactly(shown(log));
  }

  @Test
  void a_deleted_log_file_is_missing() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path log = trail.logs.get(2).get(1);
    Files.delete(log);

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.LOG_FILE_MISSING);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(log));
    assertThat(r.findings())
        .extracting(f -> f.rule().ruleId())
        .containsExactly("th-integrity-log-file-missing");
  }

  @Test
  void an_extra_log_file_in_a_covered_window_is_unlisted() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path extra = trail.logFile(TestTrail.T0.plus(Duration.ofMinutes(75)), 99);

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.LOG_FILE_UNLISTED);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(extra));
    assertThat(r.findings().get(0).actor()).isEqualTo("unknown");
  }

  @Test
  void a_log_file_outside_every_window_is_counted_not_judged() throws IOException {
    TestTrail trail = TestTrail.write(root);
    trail.logFile(TestTrail.T0.plus(Duration.ofHours(5)), 98);

    VerificationReport r = trail.verify();

    assertThat(r.problems()).isEmpty();
    assertThat(r.logFilesNotCovered()).isEqualTo(1);
  }

  @Test
  void a_log_file_near_the_end_of_the_latest_digest_may_belong_to_the_next_and_is_not_judged()
      throws IOException {
    TestTrail trail = TestTrail.write(root);
    trail.logFile(TestTrail.T0.plus(Duration.ofMinutes(3 * 60 - 5)), 97);

    VerificationReport r = trail.verify();

    assertThat(r.problems()).isEmpty();
    assertThat(r.logFilesNotCovered()).isEqualTo(1);
  }

  @Test
  void a_deleted_digest_in_the_middle_breaks_the_chain() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.delete(trail.digests.get(1).digest());
    Files.delete(trail.digests.get(1).signatureFile());

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_CHAIN_BROKEN);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(trail.digests.get(2).digest()));
    assertThat(r.problems().get(0).detail()).contains("missing");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void a_digest_forged_with_another_key_under_the_real_fingerprint_has_an_invalid_signature()
      throws Exception {
    TestTrail trail = TestTrail.write(root);
    Path log = trail.logs.get(1).get(0);
    Tampering.editRecord(log);
    String newHash = Hashes.sha256OfUncompressed(log);
    Path digest = trail.digests.get(1).digest();
    Tampering.reSign(
        digest,
        TestTrail.newKeyPair().getPrivate(),
        d ->
            ((com.fasterxml.jackson.databind.node.ObjectNode) d.get("logFiles").get(0))
                .put("hashValue", newHash));

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_SIGNATURE_INVALID);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(digest));
  }

  @Test
  void a_digest_forged_with_another_key_and_its_fingerprint_has_an_unknown_key() throws Exception {
    TestTrail trail = TestTrail.write(root);
    var attacker = TestTrail.newKeyPair();
    Path digest = trail.digests.get(2).digest();
    Tampering.reSign(
        digest,
        attacker.getPrivate(),
        d ->
            d.put(
                "digestPublicKeyFingerprint",
                PublicKeys.fingerprint(
                    (java.security.interfaces.RSAPublicKey) attacker.getPublic())));

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_KEY_UNKNOWN);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(digest));
  }

  @Test
  void a_digest_edited_after_signing_has_an_invalid_signature() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path digest = trail.digests.get(1).digest();
    Tampering.editDigest(digest, d -> d.put("newestEventTime", "2026-01-15T01:59:59Z"));

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_SIGNATURE_INVALID);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(digest));
    assertThat(r.digestsVerified()).isEqualTo(2);
  }

  @Test
  void a_digest_replaced_by_another_validly_signed_one_breaks_the_chain() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Path last = trail.digests.get(2).digest();
    // the attacker swaps the middle digest for the first one, correctly signed but not the one
    // the chain recorded
    Files.copy(
        trail.digests.get(0).digest(),
        trail.digests.get(1).digest(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        trail.digests.get(0).signatureFile(),
        trail.digests.get(1).signatureFile(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_CHAIN_BROKEN);
    assertThat(r.problems().get(0).path()).isEqualTo(shown(last));
    assertThat(r.problems().get(0).detail()).contains("does not have the recorded SHA-256");
  }

  @Test
  void a_missing_sidecar_means_the_digest_cannot_be_verified() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.delete(trail.digests.get(0).signatureFile());

    VerificationReport r = trail.verify();

    assertThat(kinds(r)).containsExactly(ProblemKind.DIGEST_SIGNATURE_MISSING);
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void without_the_right_key_every_digest_has_an_unknown_key() {
    TestTrail trail = TestTrail.write(root);
    var other = (java.security.interfaces.RSAPublicKey) TestTrail.newKeyPair().getPublic();

    VerificationReport r = trail.verify(PublicKeys.of(other));

    assertThat(kinds(r)).containsOnly(ProblemKind.DIGEST_KEY_UNKNOWN).hasSize(3);
    assertThat(r.findings()).hasSize(1);
    assertThat(r.findings().get(0).eventCount()).isEqualTo(3);
  }

  @Test
  void a_folder_without_digests_reports_nothing_verified() throws IOException {
    Files.createDirectories(root.resolve("AWSLogs"));

    VerificationReport r = new DigestVerifier(PublicKeys.of()).verify(root);

    assertThat(r.digestFiles()).isZero();
    assertThat(r.verified()).isFalse();
    assertThat(DigestVerifier.hasDigests(root)).isFalse();
  }
}
