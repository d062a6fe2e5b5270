package io.trailhound.detect.network;

import java.util.Locale;

/** What a threat-intel entry says an address or domain is. */
public enum ThreatKind {
  /** Command and control. */
  C2,
  /** Cryptocurrency mining pool. */
  MINING,
  /** Low-reputation crypto-related domain or address. */
  BITCOIN,
  /** Tor guard or directory authority (what a Tor client connects to). */
  TOR_GUARD,
  /** Tor relay. */
  TOR_RELAY,
  /** Tor exit node (where Tor traffic reaches the internet). */
  TOR_EXIT,
  /** Black-holed or sinkholed address, or a domain redirected to one. */
  BLACKHOLE,
  /** Where malware drops stolen data. */
  DROP_POINT,
  /** XOR DDoS infrastructure. */
  XORDDOS,
  /** Drive-by download source. */
  DRIVE_BY,
  /** Phishing. */
  PHISHING,
  /** Known malicious (reputation). */
  MALICIOUS,
  /** Suspicious (young, rare) domain. */
  SUSPICIOUS,
  /** Often-abused domain (free dynamic DNS and the like). */
  ABUSED,
  /** On the operator's own list. */
  CUSTOM;

  /** Parses {@code c2}, {@code tor-exit}, {@code drop_point}…; null when unknown. */
  public static ThreatKind parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (ThreatKind k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    return switch (t) {
      case "CNC", "C&C", "BOTNET" -> C2;
      case "MINER", "CRYPTOMINING", "MINING_POOL" -> MINING;
      case "TOR", "TOR_NODE" -> TOR_RELAY;
      case "SINKHOLE" -> BLACKHOLE;
      case "DROPPOINT" -> DROP_POINT;
      default -> null;
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
