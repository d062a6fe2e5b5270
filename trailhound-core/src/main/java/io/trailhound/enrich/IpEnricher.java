package io.trailhound.enrich;

/** Looks up IP addresses offline; implementations are thread-safe and never touch the network. */
public interface IpEnricher {
  /** Enrichment that knows nothing: every address is {@link IpInfo#UNKNOWN}. */
  IpEnricher NONE = ip -> IpInfo.UNKNOWN;

  /**
   * What is known about {@code ip} (IPv4 or IPv6 text); {@link IpInfo#UNKNOWN} for non-addresses
   * such as AWS service names.
   */
  IpInfo lookup(String ip);
}
