package io.trailhound.simulate.org;

/**
 * Something that calls AWS on its own: a CI pipeline role, an EC2 instance with an instance
 * profile, a Lambda function. Each runs around the clock in one region from one address with one
 * agent.
 *
 * @param kind what it is
 * @param role IAM role it uses
 * @param roleId the role's unique id ({@code AROA...})
 * @param session session name (instance id for EC2, function name for Lambda, run id for CI)
 * @param ip source address (public NAT address of the VPC, or the CI provider's)
 * @param perHour calls per hour on weekdays
 */
public record Workload(
    Kind kind,
    String account,
    String region,
    String role,
    String roleId,
    String session,
    String ip,
    String userAgent,
    double perHour) {

  /** The kinds of workload. */
  public enum Kind {
    CI,
    INSTANCE,
    LAMBDA
  }
}
