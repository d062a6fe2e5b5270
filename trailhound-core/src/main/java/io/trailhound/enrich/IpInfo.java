package io.trailhound.enrich;

/**
 * What is known offline about an IP address.
 *
 * @param country ISO 3166-1 alpha-2 country code, or null when unknown
 * @param asn autonomous system number, or 0 when unknown
 * @param asOrg the AS organisation's name, or null when unknown
 */
public record IpInfo(String country, long asn, String asOrg) {
  public static final IpInfo UNKNOWN = new IpInfo(null, 0, null);
}
