package io.trailhound.source.net;

/** Which reader a file goes to. */
public enum LogKind {
  /** CloudTrail, or anything the CloudTrail reader should judge (and skip with a reason). */
  CLOUDTRAIL,
  /** VPC Flow Logs: text lines, with or without a header, or a CloudWatch Logs export. */
  VPC_FLOW,
  /** Route 53 Resolver query logs: JSON lines or a CloudWatch Logs export. */
  DNS
}
