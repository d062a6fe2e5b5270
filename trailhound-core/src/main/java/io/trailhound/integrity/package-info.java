/**
 * CloudTrail log-file integrity validation, offline (formats.md §1.4).
 *
 * <p>{@link io.trailhound.integrity.DigestVerifier} walks a downloaded {@code AWSLogs} tree (plain
 * or organization layout, any bucket prefix above it): digests are the {@code .json} / {@code
 * .json.gz} files under {@code CloudTrail-Digest/}, log files everything under {@code CloudTrail/}.
 * A digest's {@code s3Object} and a local file meet on the part of the path from the last {@code
 * AWSLogs/} on. Gzip is recognised by magic bytes; hashes are over uncompressed bytes.
 *
 * <p><b>Signatures.</b> CloudTrail keeps a digest's signature in S3 object metadata ({@code
 * x-amz-meta-signature}), which a download loses. The offline convention: a sidecar file named like
 * the digest plus {@code .sig} ({@code ..._20150817T150131Z.json.gz.sig}) holding the hex
 * signature, surrounding whitespace ignored — what {@code aws s3api head-object --query
 * Metadata.signature --output text} prints. The signing string is {@code digestEndTime} (verbatim),
 * {@code digestS3Bucket/digestS3Object}, hex SHA-256 of the uncompressed digest and {@code
 * previousDigestSignature} ({@code null} as text for a starting digest), joined by {@code \n};
 * SHA256withRSA. The key is the one whose fingerprint equals {@code digestPublicKeyFingerprint}
 * (see {@link io.trailhound.integrity.PublicKeys} for how fingerprints are read).
 *
 * <p><b>Checks</b>, per account, region and trail, digests in {@code digestEndTime} order:
 *
 * <ul>
 *   <li>each digest: readable and complete, a sidecar, a known key, a signature that verifies;
 *   <li>the chain: a non-starting digest's previous digest is present and has the SHA-256 and
 *       signature recorded (the earliest digest of the folder may point at one not downloaded; a
 *       mismatch caused by a previous digest that already failed its signature is not repeated);
 *   <li>each listed log file is present and hashes to {@code hashValue};
 *   <li>log files no digest lists, whose file-name time falls in the window of a digest of the same
 *       account and region, are unlisted (files outside every window are only counted).
 * </ul>
 *
 * <p><b>Use from another command</b> (e.g. {@code scan} over a folder): {@code
 * DigestVerifier.hasDigests(root)} tells whether there is anything to verify; {@code new
 * DigestVerifier(PublicKeys.load(files)).verify(root).findings()} gives findings in the usual
 * {@link io.trailhound.finding.Finding} shape, ready to merge with rule findings.
 */
package io.trailhound.integrity;
