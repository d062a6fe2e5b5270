package io.trailhound.simulate.cloudtrail;

import io.trailhound.integrity.DigestWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudTrail's log-file integrity validation for a simulated trail: one signed digest per account
 * and region per hour, listing the log files delivered in that hour, chained to the previous one —
 * and written every hour once a region has delivered, even with no log files, as CloudTrail does.
 * The signing key pair is derived from the seed, so the same seed writes the same bytes.
 */
final class DigestSchedule {

  static final String BUCKET = "trailhound-simulated-trail";
  static final String TRAIL = "organization-trail";
  static final String HOME_REGION = "us-east-1";

  private final Path root;
  private final DigestWriter writer;
  private final Map<String, List<Path>> delivered = new TreeMap<>();
  private Instant hourStart;

  DigestSchedule(Path root, long seed) {
    this.root = root;
    this.writer = new DigestWriter(keyPair(seed), BUCKET, TRAIL, HOME_REGION);
  }

  /** Records a log file delivered (published) at {@code published}; writes due digests first. */
  void delivered(String account, String region, Instant published, Path file) {
    advanceTo(published);
    delivered.computeIfAbsent(account + "/" + region, k -> new ArrayList<>()).add(file);
  }

  /** Writes the digests of every hour that ended at or before {@code now}. */
  void advanceTo(Instant now) {
    if (hourStart == null) {
      hourStart = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }
    while (!now.isBefore(hourStart.plus(Duration.ofHours(1)))) {
      Instant hourEnd = hourStart.plus(Duration.ofHours(1));
      for (Map.Entry<String, List<Path>> e : delivered.entrySet()) {
        String[] key = e.getKey().split("/", 2);
        try {
          writer.write(root, key[0], key[1], hourStart, hourEnd, e.getValue());
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
        e.setValue(new ArrayList<>());
      }
      hourStart = hourEnd;
    }
  }

  /** Writes the public key as PEM and as {@code list-public-keys} JSON under the output folder. */
  void writePublicKeys(Instant from, Instant to) throws IOException {
    writer.writePublicKeyPem(root.resolve("cloudtrail-public-key.pem"));
    writer.writePublicKeyJson(root.resolve("cloudtrail-public-keys.json"), from, to);
  }

  private static KeyPair keyPair(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed * 0x9E3779B97F4A7C15L + 101);
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048, random);
      return gen.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA and SHA1PRNG are required by every Java platform", e);
    }
  }
}
