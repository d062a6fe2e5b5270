package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestWriterTest {

  private static final List<String> FIELDS =
      List.of(
          "awsAccountId",
          "digestStartTime",
          "digestEndTime",
          "digestS3Bucket",
          "digestS3Object",
          "digestPublicKeyFingerprint",
          "digestSignatureAlgorithm",
          "newestEventTime",
          "oldestEventTime",
          "previousDigestS3Bucket",
          "previousDigestS3Object",
          "previousDigestHashValue",
          "previousDigestHashAlgorithm",
          "previousDigestSignature",
          "logFiles");

  @TempDir Path root;

  private static JsonNode read(Path digest) throws IOException {
    return (JsonNode) TestTrail.readGzipJson(digest);
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void writes_every_field_of_a_cloudtrail_digest_in_cloudtrails_order() throws IOException {
    TestTrail trail = TestTrail.write(root);

    JsonNode first = read(trail.digests.get(0).digest());

    assertThat(names(first)).containsExactlyElementsOf(FIELDS);
    assertThat(first.get("digestSignatureAlgorithm").asText()).isEqualTo("SHA256withRSA");
    assertThat(first.get("digestEndTime").asText()).isEqualTo("2026-01-15T01:01:31Z");
    assertThat(first.get("previousDigestS3Object").isNull()).isTrue();
    assertThat(first.get("previousDigestSignature").isNull()).isTrue();
    JsonNode log = first.get("logFiles").get(0);
    assertThat(names(log))
        .containsExactly(
            "s3Bucket",
            "s3Object",
            "hashValue",
            "hashAlgorithm",
            "newestEventTime",
            "oldestEventTime");
    assertThat(log.get("s3Object").asText())
        .startsWith("AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/15/");
    assertThat(log.get("oldestEventTime").asText()).isEqualTo("2026-01-15T00:06:31Z");
    assertThat(log.get("newestEventTime").asText()).isEqualTo("2026-01-15T00:08:31Z");
    assertThat(first.get("oldestEventTime").asText()).isEqualTo("2026-01-15T00:06:31Z");
    assertThat(first.get("newestEventTime").asText()).isEqualTo("2026-01-15T00:38:31Z");
  }

  @Test
  void chains_each_digest_to_the_previous_one() throws IOException {
    TestTrail trail = TestTrail.write(root);
    DigestWriter.Written previous = trail.digests.get(0);

    JsonNode second = read(trail.digests.get(1).digest());

    assertThat(second.get("previousDigestS3Object").asText())
        .isEqualTo(read(previous.digest()).get("digestS3Object").asText());
    assertThat(second.get("previousDigestHashValue").asText()).isEqualTo(previous.sha256());
    assertThat(second.get("previousDigestSignature").asText()).isEqualTo(previous.signature());
    assertThat(second.get("previousDigestHashAlgorithm").asText()).isEqualTo("SHA-256");
  }

  @Test
  void names_and_places_the_digest_as_cloudtrail_does() {
    TestTrail trail = TestTrail.write(root);

    Path digest = trail.digests.get(0).digest();

    assertThat(root.relativize(digest).toString().replace('\\', '/'))
        .isEqualTo(
            "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/15/"
                + "111122223333_CloudTrail-Digest_us-east-1_main-trail_us-east-1_20260115T010131Z.json.gz");
    assertThat(trail.digests.get(0).signatureFile().getFileName().toString())
        .isEqualTo(digest.getFileName() + ".sig");
  }

  @Test
  void the_signature_verifies_with_the_written_pem_key_over_the_documented_signing_string()
      throws Exception {
    TestTrail trail = TestTrail.write(root);
    Path pem = root.resolve("key.pem");
    trail.writer.writePublicKeyPem(pem);
    DigestWriter.Written w = trail.digests.get(1);
    JsonNode d = read(w.digest());
    byte[] uncompressed = Hashes.readUncompressed(w.digest(), Long.MAX_VALUE);
    String signingString =
        d.get("digestEndTime").asText()
            + "\n"
            + d.get("digestS3Bucket").asText()
            + "/"
            + d.get("digestS3Object").asText()
            + "\n"
            + Hashes.sha256Hex(uncompressed)
            + "\n"
            + d.get("previousDigestSignature").asText();

    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(
        PublicKeys.load(List.of(pem)).find(trail.writer.fingerprint()).orElseThrow().key());
    s.update(signingString.getBytes(StandardCharsets.UTF_8));

    String sidecar = Files.readString(w.signatureFile(), StandardCharsets.US_ASCII).strip();
    assertThat(sidecar).isEqualTo(w.signature());
    assertThat(s.verify(HexFormat.of().parseHex(sidecar))).isTrue();
    assertThat(d.get("digestPublicKeyFingerprint").asText()).isEqualTo(trail.writer.fingerprint());
  }

  @Test
  void a_window_without_log_files_gets_a_digest_with_an_empty_list() throws IOException {
    DigestWriter writer = new DigestWriter(TestTrail.newKeyPair(), "b", "t", "us-east-1");

    DigestWriter.Written w =
        writer.write(
            root,
            "111122223333",
            "us-east-1",
            Instant.parse("2026-01-15T00:01:31Z"),
            Instant.parse("2026-01-15T01:01:31Z"),
            List.of());

    JsonNode d = read(w.digest());
    assertThat(d.get("logFiles").size()).isZero();
    assertThat(d.get("newestEventTime").isNull()).isTrue();
    assertThat(new DigestVerifier(PublicKeys.of(writer.publicKey())).verify(root).verified())
        .isTrue();
  }
}
