package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeysTest {

  private static final RSAPublicKey KEY = (RSAPublicKey) TestTrail.newKeyPair().getPublic();

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void the_pkcs1_encoding_wrapped_into_x509_is_the_jdk_encoding() {
    assertThat(Der.subjectPublicKeyInfo(Der.pkcs1(KEY))).isEqualTo(KEY.getEncoded());
  }

  @Test
  void the_fingerprint_is_hex_md5_of_the_pkcs1_der() throws Exception {
    // the PKCS#1 structure is the BIT STRING content at the end of the X.509 encoding
    byte[] x509 = KEY.getEncoded();
    byte[] pkcs1 = Der.pkcs1(KEY);
    assertThat(java.util.Arrays.copyOfRange(x509, x509.length - pkcs1.length, x509.length))
        .isEqualTo(pkcs1);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pkcs1));

    assertThat(PublicKeys.fingerprint(KEY)).isEqualTo(expected).hasSize(32);
  }

  @Test
  void reads_pem_public_key() throws IOException {
    PublicKeys keys = PublicKeys.load(List.of(file("k.pem", PublicKeys.toPem(KEY))));

    assertThat(keys.size()).isEqualTo(1);
    assertThat(keys.find(PublicKeys.fingerprint(KEY)).orElseThrow().key()).isEqualTo(KEY);
  }

  @Test
  void reads_pem_rsa_public_key_in_pkcs1_form() throws IOException {
    String pem =
        "-----BEGIN RSA PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(Der.pkcs1(KEY))
            + "\n-----END RSA PUBLIC KEY-----\n";

    PublicKeys keys = PublicKeys.load(List.of(file("k.pem", pem)));

    assertThat(keys.find(PublicKeys.fingerprint(KEY)).orElseThrow().key()).isEqualTo(KEY);
  }

  @Test
  void a_pem_key_also_answers_to_the_md5_of_its_x509_encoding() {
    String x509Md5 = Hashes.md5Hex(KEY.getEncoded());

    assertThat(PublicKeys.of(KEY).find(x509Md5.toUpperCase(java.util.Locale.ROOT)))
        .map(PublicKeys.Entry::key)
        .contains(KEY);
  }

  @Test
  void reads_list_public_keys_json_with_its_fingerprint_and_validity() throws IOException {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-02-01T00:00:00Z");
    String json = PublicKeys.toListPublicKeysJson(KEY, from, to);
    JsonNode item = TestTrail.JSON.readTree(json).get("PublicKeyList").get(0);
    assertThat(Base64.getDecoder().decode(item.get("Value").asText())).isEqualTo(Der.pkcs1(KEY));

    PublicKeys keys = PublicKeys.load(List.of(file("keys.json", json)));

    PublicKeys.Entry e = keys.find(item.get("Fingerprint").asText()).orElseThrow();
    assertThat(e.key()).isEqualTo(KEY);
    assertThat(e.validFrom()).isEqualTo(from);
    assertThat(e.validTo()).isEqualTo(to);
  }

  @Test
  void the_fingerprint_aws_gives_is_authoritative() throws IOException {
    var tree = TestTrail.JSON.createObjectNode();
    tree.putArray("PublicKeyList")
        .addObject()
        .put("Value", Base64.getEncoder().encodeToString(Der.pkcs1(KEY)))
        .put("ValidityStartTime", 1.7e9)
        .put("Fingerprint", "31E8B5433410DFB61A9DC45CC65B22FF");

    PublicKeys keys =
        PublicKeys.load(List.of(file("keys.json", TestTrail.JSON.writeValueAsString(tree))));

    assertThat(keys.find("31e8b5433410dfb61a9dc45cc65b22ff")).isPresent();
    assertThat(keys.find(PublicKeys.fingerprint(KEY))).isEmpty();
    assertThat(keys.find("31e8b5433410dfb61a9dc45cc65b22ff").orElseThrow().validFrom())
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
  }

  @Test
  void a_file_without_a_key_is_refused_with_its_name() throws IOException {
    Path junk = file("junk.txt", "hello");

    assertThatThrownBy(() -> PublicKeys.load(List.of(junk)))
        .isInstanceOf(KeyLoadException.class)
        .hasMessageContaining("junk.txt")
        .hasMessageContaining("no public key");
  }

  @Test
  void json_whose_value_is_not_a_key_is_refused() throws IOException {
    var tree = TestTrail.JSON.createObjectNode();
    tree.putArray("PublicKeyList").addObject().put("Value", "bm90IGEga2V5").put("Fingerprint", "a");

    Path bad = file("bad.json", TestTrail.JSON.writeValueAsString(tree));

    assertThatThrownBy(() -> PublicKeys.load(List.of(bad)))
        .isInstanceOf(KeyLoadException.class)
        .hasMessageContaining("PublicKeyList[0]");
  }

  @Test
  void a_pem_body_that_is_not_a_key_is_refused() throws IOException {
    Path bad = file("bad.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

    assertThatThrownBy(() -> PublicKeys.load(List.of(bad)))
        .isInstanceOf(KeyLoadException.class)
        .hasMessageContaining("bad.pem");
  }
}
