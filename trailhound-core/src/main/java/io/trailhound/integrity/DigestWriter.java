package io.trailhound.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes CloudTrail digest files the way CloudTrail does, for the simulator and for tests: one
 * gzipped digest per account, region and window with every field of formats.md §1.4, signed with
 * SHA256withRSA, chained to the previous digest this writer wrote for the same account and region,
 * and a signature sidecar {@code <digest>.sig} holding the hex signature (see the package javadoc).
 *
 * <p>No clock is needed: every time written comes from the window or the log files. Thread-safe;
 * digests of one account and region must be written in window order.
 */
public final class DigestWriter {

  /**
   * What one call wrote.
   *
   * @param digest the gzipped digest file
   * @param signatureFile its sidecar
   * @param sha256 hex SHA-256 of the uncompressed digest
   * @param signature hex signature
   */
  public record Written(Path digest, Path signatureFile, String sha256, String signature) {}

  private record Previous(String bucket, String object, String sha256, String signature) {}

  private static final JsonFactory JSON = new JsonFactory();

  private final KeyPair keys;
  private final String bucket;
  private final String trail;
  private final String homeRegion;
  private final String organizationId;
  private final Map<String, Previous> previous = new HashMap<>();

  /**
   * @param keys RSA key pair that signs
   * @param bucket the S3 bucket name written into the digests
   * @param trail trail name (goes into file names)
   * @param homeRegion the trail's home region (goes into file names)
   */
  public DigestWriter(KeyPair keys, String bucket, String trail, String homeRegion) {
    this(keys, bucket, trail, homeRegion, null);
  }

  /** As above, for an organization trail: digests go under {@code AWSLogs/<organizationId>/}. */
  public DigestWriter(
      KeyPair keys, String bucket, String trail, String homeRegion, String organizationId) {
    this.keys = Objects.requireNonNull(keys, "keys");
    if (!(keys.getPublic() instanceof RSAPublicKey)) {
      throw new IllegalArgumentException("an RSA key pair is required");
    }
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.trail = Objects.requireNonNull(trail, "trail");
    this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion");
    this.organizationId = organizationId;
  }

  /** The fingerprint written into every digest ({@link PublicKeys#fingerprint}). */
  public String fingerprint() {
    return PublicKeys.fingerprint(publicKey());
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** Writes the public key as PEM ({@code BEGIN PUBLIC KEY}). */
  public void writePublicKeyPem(Path file) throws IOException {
    Files.writeString(file, PublicKeys.toPem(publicKey()), StandardCharsets.US_ASCII);
  }

  /** Writes the public key as {@code aws cloudtrail list-public-keys} JSON. */
  public void writePublicKeyJson(Path file, Instant validFrom, Instant validTo) throws IOException {
    Files.writeString(
        file,
        PublicKeys.toListPublicKeysJson(publicKey(), validFrom, validTo),
        StandardCharsets.UTF_8);
  }

  /**
   * Writes the digest for one account, region and delivery window.
   *
   * @param root the folder holding {@code AWSLogs/}
   * @param logFiles the log files delivered in the window, already written under {@code root}
   * @return what was written
   */
  public synchronized Written write(
      Path root, String account, String region, Instant start, Instant end, List<Path> logFiles)
      throws IOException {
    Instant endSecond = end.truncatedTo(ChronoUnit.SECONDS);
    String day = endSecond.atOffset(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/');
    String name =
        String.join(
                "_",
                account,
                "CloudTrail-Digest",
                region,
                trail,
                homeRegion,
                Names.digestStamp(endSecond))
            + ".json.gz";
    String object =
        "AWSLogs/"
            + (organizationId == null ? "" : organizationId + "/")
            + account
            + "/CloudTrail-Digest/"
            + region
            + "/"
            + day
            + "/"
            + name;
    String chain = account + "|" + region;
    Previous prev = previous.get(chain);
    byte[] json = json(root, account, start, endSecond, object, prev, logFiles);
    String sha256 = Hashes.sha256Hex(json);
    String signature;
    try {
      DigestFile parsed = DigestParser.parse(json);
      signature =
          Hashes.hex(Signatures.sign(keys.getPrivate(), Signatures.signingString(parsed, sha256)));
    } catch (GeneralSecurityException | DigestFormatException e) {
      throw new IllegalStateException("cannot sign digest " + object, e);
    }
    Path file = root.resolve(object);
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(json);
    }
    Path sig = file.resolveSibling(name + LocalTree.SIGNATURE_SUFFIX);
    Files.writeString(sig, signature + "\n", StandardCharsets.US_ASCII);
    previous.put(chain, new Previous(bucket, object, sha256, signature));
    return new Written(file, sig, sha256, signature);
  }

  private byte[] json(
      Path root,
      String account,
      Instant start,
      Instant end,
      String object,
      Previous prev,
      List<Path> logFiles)
      throws IOException {
    List<DigestFile.LogFile> entries = new ArrayList<>(logFiles.size());
    Instant newest = null;
    Instant oldest = null;
    for (Path log : logFiles) {
      Instant[] range = eventTimeRange(log);
      oldest = earlier(oldest, range[0]);
      newest = later(newest, range[1]);
      entries.add(
          new DigestFile.LogFile(
              bucket,
              Names.key(
                  root.toAbsolutePath()
                      .normalize()
                      .relativize(log.toAbsolutePath().normalize())
                      .toString()),
              Hashes.sha256OfUncompressed(log),
              "SHA-256",
              range[1],
              range[0]));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("awsAccountId", account);
      g.writeStringField("digestStartTime", start.truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeStringField("digestEndTime", end.toString());
      g.writeStringField("digestS3Bucket", bucket);
      g.writeStringField("digestS3Object", object);
      g.writeStringField("digestPublicKeyFingerprint", fingerprint());
      g.writeStringField("digestSignatureAlgorithm", Signatures.ALGORITHM);
      time(g, "newestEventTime", newest);
      time(g, "oldestEventTime", oldest);
      g.writeStringField("previousDigestS3Bucket", prev == null ? null : prev.bucket());
      g.writeStringField("previousDigestS3Object", prev == null ? null : prev.object());
      g.writeStringField("previousDigestHashValue", prev == null ? null : prev.sha256());
      g.writeStringField("previousDigestHashAlgorithm", prev == null ? null : "SHA-256");
      g.writeStringField("previousDigestSignature", prev == null ? null : prev.signature());
      g.writeArrayFieldStart("logFiles");
      for (DigestFile.LogFile e : entries) {
        g.writeStartObject();
        g.writeStringField("s3Bucket", e.s3Bucket());
        g.writeStringField("s3Object", e.s3Object());
        g.writeStringField("hashValue", e.hashValue());
        g.writeStringField("hashAlgorithm", e.hashAlgorithm());
        time(g, "newestEventTime", e.newestEventTime());
        time(g, "oldestEventTime", e.oldestEventTime());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void time(JsonGenerator g, String field, Instant t) throws IOException {
    g.writeStringField(field, t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /**
   * Oldest and newest {@code eventTime} of the records in a log file, streamed; {@code nulls} when
   * the file holds none or cannot be parsed.
   */
  private static Instant[] eventTimeRange(Path log) {
    Instant[] range = new Instant[2];
    try (InputStream in = Hashes.uncompressed(log);
        JsonParser p = JSON.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME
            && "eventTime".equals(p.currentName())
            && p.getParsingContext().getNestingDepth() == 3
            && p.nextToken() == JsonToken.VALUE_STRING) {
          Instant e = parse(p.getText());
          if (e != null) {
            range[0] = range[0] == null || e.isBefore(range[0]) ? e : range[0];
            range[1] = range[1] == null || e.isAfter(range[1]) ? e : range[1];
          }
        }
      }
    } catch (IOException e) {
      return range;
    }
    return range;
  }

  private static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
