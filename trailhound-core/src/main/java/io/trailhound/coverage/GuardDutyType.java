package io.trailhound.coverage;

/**
 * One Amazon GuardDuty finding type of the bundled catalogue.
 *
 * @param type the type name, e.g. {@code Stealth:IAMUser/CloudTrailLoggingDisabled}
 * @param resourceType the resource GuardDuty files it under ({@code IAMUser}, {@code S3}, ...)
 * @param category the data source category ({@code CloudTrail management events}, {@code VPC Flow
 *     Logs}, ...)
 * @param meaning what the type means, in the catalogue's words
 * @param derivable whether logs alone can produce it: {@code yes}, {@code partly} or {@code no}
 */
public record GuardDutyType(
    String type, String resourceType, String category, String meaning, String derivable) {

  /** Whether the catalogue says CloudTrail, flow or DNS logs can produce it, wholly or partly. */
  public boolean inScope() {
    return derivable.equals("yes") || derivable.equals("partly");
  }

  /**
   * Whether its data source is CloudTrail (management or S3 data events, GuardDuty Custom Detection
   * Rules, AI Protection): the types a CloudTrail rule pack is expected to produce.
   */
  public boolean fromCloudTrail() {
    return category.contains("CloudTrail") || category.contains("Custom");
  }

  /**
   * Whether its data source is a network log: VPC Flow Logs, Route 53 Resolver (DNS) logs, or
   * Lambda network activity (seen through the flow logs of a VPC-attached function's interface).
   */
  public boolean fromNetworkLogs() {
    return category.contains("VPC Flow")
        || category.contains("DNS")
        || category.contains("Lambda network");
  }
}
