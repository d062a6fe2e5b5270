package io.trailhound.integrity;

import java.time.Instant;
import java.util.List;

/**
 * One CloudTrail digest file as parsed (formats.md §1.4). Times are kept both parsed and as the
 * exact text of the file, because the signing string uses {@code digestEndTime} verbatim.
 *
 * @param awsAccountId account the digest covers
 * @param digestStartTime start of the delivery-time window
 * @param digestEndTime end of the delivery-time window
 * @param digestEndTimeText {@code digestEndTime} exactly as written in the file
 * @param digestS3Bucket bucket the digest was delivered to
 * @param digestS3Object object key of the digest itself
 * @param publicKeyFingerprint fingerprint of the signing key
 * @param signatureAlgorithm {@code SHA256withRSA}
 * @param previousDigestS3Bucket bucket of the previous digest; null for a starting digest
 * @param previousDigestS3Object key of the previous digest; null for a starting digest
 * @param previousDigestHashValue hex SHA-256 of the previous digest; null for a starting digest
 * @param previousDigestSignature hex signature of the previous digest; null for a starting digest
 * @param logFiles the log files delivered in the window
 */
public record DigestFile(
    String awsAccountId,
    Instant digestStartTime,
    Instant digestEndTime,
    String digestEndTimeText,
    String digestS3Bucket,
    String digestS3Object,
    String publicKeyFingerprint,
    String signatureAlgorithm,
    String previousDigestS3Bucket,
    String previousDigestS3Object,
    String previousDigestHashValue,
    String previousDigestSignature,
    List<LogFile> logFiles) {

  public DigestFile {
    logFiles = List.copyOf(logFiles);
  }

  /** True for the first digest after validation or logging was (re)started. */
  public boolean starting() {
    return previousDigestS3Object == null;
  }

  /**
   * One entry of {@code logFiles}.
   *
   * @param s3Bucket bucket
   * @param s3Object object key
   * @param hashValue hex SHA-256 of the uncompressed log file
   * @param hashAlgorithm {@code SHA-256}
   * @param newestEventTime latest event time in the file, or null
   * @param oldestEventTime earliest event time in the file, or null
   */
  public record LogFile(
      String s3Bucket,
      String s3Object,
      String hashValue,
      String hashAlgorithm,
      Instant newestEventTime,
      Instant oldestEventTime) {}
}
