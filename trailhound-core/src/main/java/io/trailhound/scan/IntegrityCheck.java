package io.trailhound.scan;

import io.trailhound.integrity.DigestVerifier;
import io.trailhound.integrity.PublicKeys;
import io.trailhound.integrity.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The integrity step of a scan: verifies the CloudTrail digest files found under the scanned
 * folders. Without public keys it still checks every log file's hash and the digest chain, and
 * leaves signatures unchecked rather than reporting every digest as signed by an unknown key.
 */
final class IntegrityCheck {

  private IntegrityCheck() {}

  static List<VerificationReport> run(List<Path> roots, PublicKeys keys, int threads) {
    List<VerificationReport> reports = new ArrayList<>();
    DigestVerifier verifier =
        new DigestVerifier(
            keys == null ? PublicKeys.of() : keys,
            DigestVerifier.DEFAULT_MAX_DIGEST_BYTES,
            threads);
    for (Path root : roots) {
      try {
        if (!Files.isDirectory(root) || !DigestVerifier.hasDigests(root)) {
          continue;
        }
        VerificationReport report = verifier.verify(root);
        reports.add(keys == null ? report.withoutSignatureChecks() : report);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot walk " + root + " for digest files", e);
      }
    }
    return reports;
  }
}
