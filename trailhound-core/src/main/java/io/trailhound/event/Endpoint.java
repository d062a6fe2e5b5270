package io.trailhound.event;

/**
 * Where a call came from.
 *
 * @param ip caller address, or a service name such as {@code lambda.amazonaws.com} when an AWS
 *     service made the call
 * @param userAgent client string as logged (attacker-controlled: escape before display)
 * @param tls TLS details, null when the source gave none
 * @param vpcEndpointId VPC endpoint the call traversed, if any
 */
public record Endpoint(String ip, String userAgent, Tls tls, String vpcEndpointId) {

  public static final Endpoint UNKNOWN = new Endpoint(null, null, null, null);

  /**
   * TLS details of a call.
   *
   * @param version e.g. {@code TLSv1.3}
   * @param cipherSuite negotiated cipher suite
   * @param clientHost host header the client provided
   */
  public record Tls(String version, String cipherSuite, String clientHost) {}
}
