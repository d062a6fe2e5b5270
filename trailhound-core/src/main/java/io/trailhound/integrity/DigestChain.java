package io.trailhound.integrity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The previous-digest links of one trail's digests (account, region, trail). */
final class DigestChain {

  private DigestChain() {}

  /**
   * Walks one trail's digests in end-time order. Each non-starting digest must name a previous
   * digest that is present, whose SHA-256 and signature match what it recorded. When the previous
   * digest is unreadable or already failed its own signature check, the mismatch is a consequence
   * of that problem and is not reported twice. The earliest digest of the folder may point at a
   * digest that was not downloaded; that is not a problem.
   */
  static void check(
      Run run,
      List<LoadedDigest> chain,
      Map<String, LoadedDigest> byKey,
      Map<String, SignatureStatus> signed) {
    chain.sort(
        Comparator.comparing((LoadedDigest d) -> d.file().digestEndTime())
            .thenComparing(LoadedDigest::display));
    for (int i = 0; i < chain.size(); i++) {
      LoadedDigest d = chain.get(i);
      DigestFile f = d.file();
      if (f.starting()) {
        run.chainStarts++;
        continue;
      }
      String prevKey = Names.key(f.previousDigestS3Object());
      LoadedDigest prev = byKey.get(prevKey);
      SignatureStatus prevSigned = signed.get(prevKey);
      if (prevSigned == SignatureStatus.INVALID
          || prevSigned == SignatureStatus.KEY_UNKNOWN
          || prevSigned == SignatureStatus.UNREADABLE) {
        continue;
      }
      if (prev == null) {
        if (i > 0) {
          run.problem(
              ProblemKind.DIGEST_CHAIN_BROKEN,
              d,
              "previous digest " + f.previousDigestS3Object() + " is missing");
        }
        continue;
      }
      if (!prev.sha256().equalsIgnoreCase(String.valueOf(f.previousDigestHashValue()))) {
        run.problem(
            ProblemKind.DIGEST_CHAIN_BROKEN,
            d,
            "previous digest " + prev.display() + " does not have the recorded SHA-256");
      } else if (prev.signature() != null
          && !prev.signature().equalsIgnoreCase(String.valueOf(f.previousDigestSignature()))) {
        run.problem(
            ProblemKind.DIGEST_CHAIN_BROKEN,
            d,
            "previous digest " + prev.display() + " does not have the recorded signature");
      }
    }
  }
}
