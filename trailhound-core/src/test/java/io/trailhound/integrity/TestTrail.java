package io.trailhound.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A small trail written the way CloudTrail writes it: {@code HOURS} hourly digests for one account
 * and region, {@code FILES_PER_HOUR} gzipped log files per hour, signed by a fresh key.
 */
final class TestTrail {

  static final String ACCOUNT = "111122223333";
  static final String REGION = "us-east-1";
  static final String TRAIL = "main-trail";
  static final Instant T0 = Instant.parse("2026-01-15T00:01:31Z");
  static final int HOURS = 3;
  static final int FILES_PER_HOUR = 2;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  final Path root;
  final KeyPair keys;
  final String organizationId;
  final DigestWriter writer;
  final List<List<Path>> logs = new ArrayList<>();
  final List<DigestWriter.Written> digests = new ArrayList<>();

  private TestTrail(Path root, KeyPair keys, String organizationId) {
    this.root = root;
    this.keys = keys;
    this.organizationId = organizationId;
    this.writer = new DigestWriter(keys, "trail-bucket", TRAIL, REGION, organizationId);
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestTrail write(Path root) {
    return write(root, null);
  }

  static TestTrail write(Path root, String organizationId) {
    TestTrail t = new TestTrail(root, newKeyPair(), organizationId);
    try {
      for (int h = 0; h < HOURS; h++) {
        Instant start = T0.plus(Duration.ofHours(h));
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < FILES_PER_HOUR; f++) {
          files.add(t.logFile(start.plus(Duration.ofMinutes(10 + 30L * f)), h * 10 + f));
        }
        t.logs.add(files);
        t.digests.add(
            t.writer.write(root, ACCOUNT, REGION, start, start.plus(Duration.ofHours(1)), files));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  PublicKeys publicKeys() {
    return PublicKeys.of(writer.publicKey());
  }

  VerificationReport verify() {
    return verify(publicKeys());
  }

  VerificationReport verify(PublicKeys keys) {
    try {
      return new DigestVerifier(keys).verify(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a gzipped {@code {"Records":[...]}} log file delivered at {@code at}. */
  Path logFile(Instant at, int seed) throws IOException {
    String name =
        ACCOUNT + "_CloudTrail_" + REGION + "_" + STAMP.format(at) + "_f" + seed + ".json.gz";
    Path dir =
        root.resolve(
            organizationPrefix() + ACCOUNT + "/CloudTrail/" + REGION + "/" + DAY.format(at));
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    writeGzipJson(file, records(at, seed));
    return file;
  }

  private String organizationPrefix() {
    return "AWSLogs/" + (organizationId == null ? "" : organizationId + "/");
  }

  static ObjectNode records(Instant at, int seed) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (int i = 0; i < 3; i++) {
      ObjectNode e = records.addObject();
      e.put("eventVersion", "1.09");
      e.put("eventTime", at.minus(Duration.ofMinutes(5 - i)).toString());
      e.put("eventSource", "s3.amazonaws.com");
      e.put("eventName", "GetObject");
      e.put("awsRegion", REGION);
      e.put("sourceIPAddress", "198.51.100." + (seed % 200));
      e.put(
          "eventID",
          "00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012d", seed * 10 + i));
      e.putObject("userIdentity").put("type", "IAMUser").put("accountId", ACCOUNT);
    }
    return root;
  }

  static void writeGzipJson(Path file, Object tree) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(JSON.writeValueAsBytes(tree));
    }
  }

  static Object readGzipJson(Path file) throws IOException {
    try (var in = Hashes.uncompressed(file)) {
      return JSON.readTree(in);
    }
  }
}
