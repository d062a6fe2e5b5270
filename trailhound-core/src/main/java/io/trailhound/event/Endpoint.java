package io.trailhound.event;

/**
 * Where a call came from.
 *
 * @param ip caller address, or a service name such as {@code lambda.amazonaws.com} when an AWS
 *     service made the call
 * @param userAgent client string as logged (attacker-controlled: escape before display)
 * @param tls TLS details, null when the source gave none
 * @param vpcEndpointId VPC endpoint the call traversed, if any
 * @param geo where the source placed the address (identity logs geolocate it); null when it did not
 */
public record Endpoint(String ip, String userAgent, Tls tls, String vpcEndpointId, Geo geo) {

  public static final Endpoint UNKNOWN = new Endpoint(null, null, null, null, null);

  /** An endpoint without a location, as CloudTrail logs it. */
  public Endpoint(String ip, String userAgent, Tls tls, String vpcEndpointId) {
    this(ip, userAgent, tls, vpcEndpointId, null);
  }

  /**
   * The location and network an identity provider attributed to an address. It is the provider's
   * opinion at the time, not ours: kept as logged.
   *
   * @param country country name or ISO code as logged
   * @param city city as logged
   * @param latitude degrees, null when not logged
   * @param longitude degrees, null when not logged
   * @param asn autonomous system number as text, null when not logged
   * @param network AS organisation or ISP
   */
  public record Geo(
      String country, String city, Double latitude, Double longitude, String asn, String network) {}

  /**
   * TLS details of a call.
   *
   * @param version e.g. {@code TLSv1.3}
   * @param cipherSuite negotiated cipher suite
   * @param clientHost host header the client provided
   */
  public record Tls(String version, String cipherSuite, String clientHost) {}
}
