package io.trailhound.integrity;

import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.util.List;

/** What can be wrong with a trail's log files and digests; each kind is one finding rule. */
public enum ProblemKind {
  LOG_FILE_MISSING(
      "log-file-missing",
      "CloudTrail log file deleted",
      "A digest lists a log file that is not in the folder: the file was deleted or never copied.",
      Severity.HIGH,
      List.of("T1070")),
  LOG_FILE_ALTERED(
      "log-file-altered",
      "CloudTrail log file altered",
      "The SHA-256 of a log file's uncompressed content differs from the hash its digest signed:"
          + " records were edited, added or removed after delivery.",
      Severity.HIGH,
      List.of("T1565.001", "T1070")),
  LOG_FILE_UNLISTED(
      "log-file-unlisted",
      "CloudTrail log file not listed in any digest",
      "A log file lies in a time range the digests cover but no digest lists it: it was placed"
          + " there after delivery (forged or copied from elsewhere).",
      Severity.MEDIUM,
      List.of("T1565.001")),
  DIGEST_SIGNATURE_INVALID(
      "digest-signature-invalid",
      "CloudTrail digest signature invalid",
      "A digest's RSA signature does not verify with the key it names: the digest was edited"
          + " after signing or forged.",
      Severity.HIGH,
      List.of("T1565.001", "T1070")),
  DIGEST_KEY_UNKNOWN(
      "digest-key-unknown",
      "CloudTrail digest signed with an unknown key",
      "No supplied public key has the digest's fingerprint: the digest may be forged, or the key"
          + " for that region and time was not given.",
      Severity.MEDIUM,
      List.of("T1565.001")),
  DIGEST_SIGNATURE_MISSING(
      "digest-signature-missing",
      "CloudTrail digest without signature",
      "No signature sidecar (<digest>.sig) next to the digest, so it cannot be verified.",
      Severity.MEDIUM,
      List.of("T1070")),
  DIGEST_CHAIN_BROKEN(
      "digest-chain-broken",
      "CloudTrail digest chain broken",
      "A digest's previous-digest reference points at a digest that is missing, or whose hash or"
          + " signature differs from the one recorded: a digest was deleted or replaced.",
      Severity.HIGH,
      List.of("T1070")),
  DIGEST_UNREADABLE(
      "digest-unreadable",
      "CloudTrail digest unreadable",
      "A digest file is corrupt, truncated, too large or lacks required fields.",
      Severity.MEDIUM,
      List.of("T1565.001"));

  private final RuleInfo rule;

  ProblemKind(
      String id, String title, String description, Severity severity, List<String> techniques) {
    this.rule =
        new RuleInfo(
            "th-integrity-" + id,
            "integrity-" + id,
            title,
            description,
            severity,
            List.of(),
            techniques,
            List.of("defense-evasion"),
            "builtin:integrity");
  }

  /** The finding rule this kind raises ({@code th-integrity-...}). */
  public RuleInfo rule() {
    return rule;
  }

  public Severity severity() {
    return rule.severity();
  }
}
