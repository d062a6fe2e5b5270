package io.trailhound.scan.intel;

import io.trailhound.intel.IntelKind;

/**
 * The GuardDuty caller-IP finding types Trailhound raises from intel matches, each with its
 * detector metadata file {@code content/detectors/<id>.yml}.
 */
enum IntelFindingType {
  IAM_MALICIOUS("th-intel-iam-malicious-ip", "UnauthorizedAccess:IAMUser/MaliciousIPCaller"),
  IAM_CUSTOM("th-intel-iam-custom-ip", "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom"),
  IAM_TOR("th-intel-iam-tor-ip", "UnauthorizedAccess:IAMUser/TorIPCaller"),
  RECON_MALICIOUS("th-intel-recon-malicious-ip", "Recon:IAMUser/MaliciousIPCaller"),
  RECON_CUSTOM("th-intel-recon-custom-ip", "Recon:IAMUser/MaliciousIPCaller.Custom"),
  RECON_TOR("th-intel-recon-tor-ip", "Recon:IAMUser/TorIPCaller"),
  S3_DISCOVERY_MALICIOUS("th-intel-s3-discovery-malicious-ip", "Discovery:S3/MaliciousIPCaller"),
  S3_DISCOVERY_CUSTOM("th-intel-s3-discovery-custom-ip", "Discovery:S3/MaliciousIPCaller.Custom"),
  S3_DISCOVERY_TOR("th-intel-s3-discovery-tor-ip", "Discovery:S3/TorIPCaller"),
  S3_EXFILTRATION_MALICIOUS(
      "th-intel-s3-exfiltration-malicious-ip", "Exfiltration:S3/MaliciousIPCaller"),
  S3_IMPACT_MALICIOUS("th-intel-s3-impact-malicious-ip", "Impact:S3/MaliciousIPCaller"),
  S3_TOR("th-intel-s3-tor-ip", "UnauthorizedAccess:S3/TorIPCaller"),
  S3_CUSTOM("th-intel-s3-custom-ip", "UnauthorizedAccess:S3/MaliciousIPCaller.Custom");

  private final String id;
  private final String guardDutyType;

  IntelFindingType(String id, String guardDutyType) {
    this.id = id;
    this.guardDutyType = guardDutyType;
  }

  /** The detector id: the metadata file's name and the findings' rule id. */
  String id() {
    return id;
  }

  String guardDutyType() {
    return guardDutyType;
  }

  /** The type a call of {@code category} from an address on a {@code kind} list raises. */
  static IntelFindingType of(IntelKind kind, ApiCategory category) {
    Family family =
        switch (kind) {
          case TOR_EXIT -> Family.TOR;
          case CUSTOM -> Family.CUSTOM;
          case MALICIOUS, C2, MINING_POOL -> Family.MALICIOUS;
        };
    return switch (category) {
      case RECON -> family.pick(RECON_MALICIOUS, RECON_CUSTOM, RECON_TOR);
      case OTHER -> family.pick(IAM_MALICIOUS, IAM_CUSTOM, IAM_TOR);
      case S3_DISCOVERY ->
          family.pick(S3_DISCOVERY_MALICIOUS, S3_DISCOVERY_CUSTOM, S3_DISCOVERY_TOR);
      case S3_READ -> family.pick(S3_EXFILTRATION_MALICIOUS, S3_CUSTOM, S3_TOR);
      case S3_WRITE -> family.pick(S3_IMPACT_MALICIOUS, S3_CUSTOM, S3_TOR);
    };
  }

  private enum Family {
    MALICIOUS,
    CUSTOM,
    TOR;

    IntelFindingType pick(
        IntelFindingType malicious, IntelFindingType custom, IntelFindingType tor) {
      return switch (this) {
        case MALICIOUS -> malicious;
        case CUSTOM -> custom;
        case TOR -> tor;
      };
    }
  }
}
