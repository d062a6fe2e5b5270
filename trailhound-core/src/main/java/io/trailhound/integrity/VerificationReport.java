package io.trailhound.integrity;

import io.trailhound.finding.Finding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of verifying one folder.
 *
 * @param digestFiles digest files found
 * @param digestsVerified digests whose signature verified
 * @param logFilesListed log-file entries in all readable digests
 * @param logFilesChecked listed log files found and hashed
 * @param logFilesFound files under {@code CloudTrail/} in the folder
 * @param logFilesNotCovered log files outside every digest's window (not judged)
 * @param chainStarts starting digests (validation or logging (re)started; no previous digest)
 * @param unreadablePaths files or folders that could not be listed
 * @param problems every problem, in a stable order
 */
public record VerificationReport(
    long digestFiles,
    long digestsVerified,
    long logFilesListed,
    long logFilesChecked,
    long logFilesFound,
    long logFilesNotCovered,
    long chainStarts,
    long unreadablePaths,
    List<Problem> problems) {

  public VerificationReport {
    problems = List.copyOf(problems);
  }

  /**
   * This report without the problems only a public key could settle (unknown key fingerprint,
   * missing signature sidecar): what a scan reports when the user supplied no key. Hashes and the
   * chain are still checked.
   */
  public VerificationReport withoutSignatureChecks() {
    return new VerificationReport(
        digestFiles,
        digestsVerified,
        logFilesListed,
        logFilesChecked,
        logFilesFound,
        logFilesNotCovered,
        chainStarts,
        unreadablePaths,
        problems.stream()
            .filter(
                p ->
                    p.kind() != ProblemKind.DIGEST_KEY_UNKNOWN
                        && p.kind() != ProblemKind.DIGEST_SIGNATURE_MISSING)
            .toList());
  }

  /** True when there were digests and nothing is wrong. */
  public boolean verified() {
    return digestFiles > 0 && problems.isEmpty();
  }

  /** The problems grouped by kind, kinds in declaration order. */
  public Map<ProblemKind, List<Problem>> problemsByKind() {
    Map<ProblemKind, List<Problem>> out = new EnumMap<>(ProblemKind.class);
    for (Problem p : problems) {
      out.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /**
   * One finding per problem kind, account, region and trail, the file paths as evidence: most
   * severe first.
   */
  public List<Finding> findings() {
    return IntegrityFindings.of(problems);
  }
}
