package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.integrity.DigestWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T10:02:11Z");

  @TempDir Path dir;
  Path logs;
  Path pem;
  Path keysJson;
  Path firstLog;

  @BeforeEach
  void writeTrail() throws Exception {
    logs = dir.resolve("bucket");
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    DigestWriter writer = new DigestWriter(g.generateKeyPair(), "bucket", "audit", "eu-west-1");
    for (int h = 0; h < 2; h++) {
      Instant start = T0.plus(Duration.ofHours(h));
      Path log = log(start.plus(Duration.ofMinutes(20)), h);
      if (h == 0) {
        firstLog = log;
      }
      writer.write(
          logs, "123456789012", "eu-west-1", start, start.plus(Duration.ofHours(1)), List.of(log));
    }
    pem = dir.resolve("key.pem");
    writer.writePublicKeyPem(pem);
    keysJson = dir.resolve("keys.json");
    writer.writePublicKeyJson(keysJson, T0, T0.plus(Duration.ofDays(30)));
  }

  private Path log(Instant at, int n) throws IOException {
    String stamp = at.toString().substring(0, 16).replace("-", "").replace(":", "") + "Z";
    Path folder =
        Files.createDirectories(
            logs.resolve("AWSLogs/123456789012/CloudTrail/eu-west-1/2026/03/01"));
    Path file =
        folder.resolve("123456789012_CloudTrail_eu-west-1_" + stamp + "_n" + n + ".json.gz");
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putArray("Records").addObject();
    e.put("eventTime", at.toString());
    e.put("eventSource", "iam.amazonaws.com");
    e.put("eventName", "ListUsers");
    e.put("eventID", "event-" + n);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(JSON.writeValueAsBytes(root));
    }
    return file;
  }

  @Test
  void exits_0_when_everything_verifies_with_a_pem_key() {
    Cli run = Cli.run("verify", logs.toString(), "--public-key", pem.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Everything verifies.").contains("2 signatures verified");
  }

  @Test
  void accepts_list_public_keys_json() {
    Cli run =
        Cli.run("verify", logs.toString(), "--public-key", keysJson.toString(), "--threads", "1");

    assertThat(run.code()).isZero();
  }

  @Test
  void exits_1_and_writes_findings_as_json_lines_when_a_log_file_was_deleted() throws IOException {
    Files.delete(firstLog);

    Cli run =
        Cli.run("verify", logs.toString(), "--public-key", pem.toString(), "--output", "jsonl");

    assertThat(run.code()).isEqualTo(1);
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode f = JSON.readTree(lines[0]);
    assertThat(f.get("schema").asText()).isEqualTo("trailhound.finding/v1");
    assertThat(f.get("rule_id").asText()).isEqualTo("th-integrity-log-file-missing");
    assertThat(f.get("severity").asText()).isEqualTo("high");
    assertThat(f.get("account").asText()).isEqualTo("123456789012");
    assertThat(f.get("evidence").get(0).asText()).endsWith(firstLog.getFileName().toString());
    JsonNode summary = JSON.readTree(run.err().strip().split("\n")[0]);
    assertThat(summary.get("schema").asText()).isEqualTo(VerifyCommand.SUMMARY_SCHEMA);
    assertThat(summary.get("problems_by_kind").get("th-integrity-log-file-missing").asInt())
        .isEqualTo(1);
  }

  @Test
  void the_table_names_the_problem_and_the_file() throws IOException {
    Files.delete(firstLog);

    Cli run = Cli.run("verify", logs.toString(), "--public-key", pem.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("HIGH")
        .contains("log-file-missing")
        .contains(firstLog.getFileName().toString());
  }

  @Test
  void exits_3_when_no_digest_is_found() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Cli run = Cli.run("verify", empty.toString(), "--public-key", pem.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("no digest file found");
  }

  @Test
  void exits_2_without_a_public_key_or_with_an_unusable_one() throws IOException {
    Path junk =
        Files.writeString(dir.resolve("junk.pem"), "junk", java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Cli.run("verify", logs.toString()).code()).isEqualTo(2);
    Cli bad = Cli.run("verify", logs.toString(), "--public-key", junk.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("junk.pem");
    assertThat(
            Cli.run("verify", logs.toString(), "--public-key", pem.toString(), "--output", "x")
                .code())
        .isEqualTo(2);
    assertThat(
            Cli.run("verify", dir.resolve("nope").toString(), "--public-key", pem.toString())
                .code())
        .isEqualTo(2);
  }
}
