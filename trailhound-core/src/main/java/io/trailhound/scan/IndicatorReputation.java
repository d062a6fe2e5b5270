package io.trailhound.scan;

import io.trailhound.detect.network.DomainReputation;
import io.trailhound.detect.network.IntelMatch;
import io.trailhound.detect.network.IpReputation;
import io.trailhound.detect.network.ThreatKind;
import io.trailhound.enrich.IpAddress;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.intel.IntelHit;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's threat-intel lists ({@code scan --intel}, loaded by {@code io.trailhound.intel})
 * as the network detectors' reputation interfaces, optionally on top of the built-in lists. A list
 * kind maps to a threat kind (custom, malicious, tor-exit, c2, mining-pool); an entry's label that
 * names a finer kind ({@code phishing}, {@code blackhole}, {@code drop-point}, {@code tor-relay},
 * …, as STIX indicators carry them) takes precedence.
 */
public final class IndicatorReputation implements IpReputation, DomainReputation {

  private final IndicatorSet set;
  private final IpReputation builtinIps;
  private final DomainReputation builtinDomains;

  public IndicatorReputation(
      IndicatorSet set, IpReputation builtinIps, DomainReputation builtinDomains) {
    this.set = set;
    this.builtinIps = builtinIps;
    this.builtinDomains = builtinDomains;
  }

  @Override
  public List<IntelMatch> lookup(long ipv4) {
    List<IntelMatch> builtin = builtinIps.lookup(ipv4);
    if (set.isEmpty() || ipv4 < 0) {
      return builtin;
    }
    return merge(builtin, set.matchIp(new IpAddress(false, 0, ipv4)));
  }

  @Override
  public List<IntelMatch> lookup(String address) {
    return merge(builtinIps.lookup(address), set.matchIp(address));
  }

  @Override
  public List<IntelMatch> domain(String name) {
    return merge(builtinDomains.domain(name), set.matchDomain(name));
  }

  private static List<IntelMatch> merge(List<IntelMatch> builtin, List<IntelHit> hits) {
    if (hits.isEmpty()) {
      return builtin;
    }
    List<IntelMatch> out = new ArrayList<>(builtin);
    for (IntelHit h : hits) {
      out.add(new IntelMatch(h.list(), kind(h), h.indicator(), h.confidence()));
    }
    return out;
  }

  static ThreatKind kind(IntelHit h) {
    for (String label : h.labels()) {
      ThreatKind k = ThreatKind.parse(label);
      if (k != null) {
        return k;
      }
    }
    return switch (h.kind()) {
      case CUSTOM -> ThreatKind.CUSTOM;
      case MALICIOUS -> ThreatKind.MALICIOUS;
      case TOR_EXIT -> ThreatKind.TOR_EXIT;
      case C2 -> ThreatKind.C2;
      case MINING_POOL -> ThreatKind.MINING;
    };
  }
}
