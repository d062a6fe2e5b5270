package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest examples of the AWS CloudTrail User Guide, from the shared corpus. */
class DigestCorpusTest {

  private static final String EXAMPLES =
      "corpus/formats-examples/cloudtrail/cloudtrail-log-file-validation-digest-file-structure__";

  @TempDir Path root;

  private static DigestFile parse(String block) throws Exception {
    return DigestParser.parse(Files.readAllBytes(SharedCorpus.require(EXAMPLES + block)));
  }

  @Test
  void parses_a_chained_digest_with_one_log_file() throws Exception {
    DigestFile d = parse("block02.json");

    assertThat(d.awsAccountId()).isEqualTo("111122223333");
    assertThat(d.digestStartTime()).isEqualTo(Instant.parse("2015-08-17T14:01:31Z"));
    assertThat(d.digestEndTimeText()).isEqualTo("2015-08-17T15:01:31Z");
    assertThat(d.publicKeyFingerprint()).isEqualTo("31e8b5433410dfb61a9dc45cc65b22ff");
    assertThat(d.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    assertThat(d.starting()).isFalse();
    assertThat(d.previousDigestHashValue()).hasSize(64);
    assertThat(d.previousDigestSignature()).hasSize(512);
    assertThat(d.logFiles())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.s3Object()).endsWith("_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz");
              assertThat(f.hashValue()).startsWith("9bb6196f");
              assertThat(f.oldestEventTime()).isEqualTo(Instant.parse("2015-08-17T14:42:27Z"));
            });
    Names.DigestName name = Names.digest(d.digestS3Object()).orElseThrow();
    assertThat(name.trail()).isEqualTo("your-trail-name");
    assertThat(name.region()).isEqualTo("us-east-2");
    assertThat(name.homeRegion()).isEqualTo("us-east-2");
    assertThat(name.end()).isEqualTo(d.digestEndTime());
  }

  @Test
  void parses_a_digest_without_log_files_and_null_event_times() throws Exception {
    DigestFile d = parse("block03.json");

    assertThat(d.logFiles()).isEmpty();
    assertThat(Names.digest(d.digestS3Object()).orElseThrow().trail())
        .isEqualTo("example-trail-name");
  }

  @Test
  void the_example_in_its_folder_is_reported_not_thrown_on() throws IOException {
    Path example = SharedCorpus.require(EXAMPLES + "block02.json");
    Path dir =
        Files.createDirectories(
            root.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17"));
    Files.copy(
        example,
        dir.resolve(
            "111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json"));

    VerificationReport r = new DigestVerifier(PublicKeys.of()).verify(root);

    assertThat(r.digestFiles()).isEqualTo(1);
    assertThat(r.problems())
        .extracting(Problem::kind)
        .containsExactlyInAnyOrder(
            ProblemKind.LOG_FILE_MISSING, ProblemKind.DIGEST_SIGNATURE_MISSING);
    assertThat(r.problems().get(0).trail()).isEqualTo("your-trail-name");
  }
}
