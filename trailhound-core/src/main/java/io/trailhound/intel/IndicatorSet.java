package io.trailhound.intel;

import io.trailhound.enrich.IpAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Threat-intel lists loaded for a run: which lists hold an address or a domain. Immutable and
 * thread-safe; a lookup costs a binary search (plus a walk up nested CIDRs) per list for an
 * address, and one hash probe per label per list for a domain.
 */
public final class IndicatorSet {

  /** No lists: nothing matches. */
  public static final IndicatorSet EMPTY = new IndicatorSet(List.of());

  private final List<IntelList> lists;

  private IndicatorSet(List<IntelList> lists) {
    this.lists = List.copyOf(lists);
  }

  /**
   * Loads each list. Bad entries are counted on their list ({@link IntelList#problems}), never
   * fatal; {@code clock} decides which STIX indicators have expired.
   *
   * @throws IntelException when a file cannot be read at all
   */
  public static IndicatorSet load(List<IntelListSpec> specs, Clock clock) {
    List<IntelList> loaded = new ArrayList<>();
    for (IntelListSpec spec : specs) {
      loaded.add(IntelLoader.load(spec, clock));
    }
    return new IndicatorSet(loaded);
  }

  /** The lists, in the order given. */
  public List<IntelList> lists() {
    return lists;
  }

  public boolean isEmpty() {
    return lists.isEmpty();
  }

  /**
   * The lists holding {@code ip} (IPv4 or IPv6 text), one hit per list with its most specific
   * entry; empty for anything that is not an address (AWS service names, blanks).
   */
  public List<IntelHit> matchIp(String ip) {
    if (lists.isEmpty()) {
      return List.of();
    }
    IpAddress address = IpAddress.parse(ip);
    return address == null ? List.of() : matchIp(address);
  }

  /** {@link #matchIp(String)} for a parsed address. */
  public List<IntelHit> matchIp(IpAddress address) {
    List<IntelHit> hits = new ArrayList<>(1);
    for (IntelList list : lists) {
      IntelHit hit = list.matchIp(address);
      if (hit != null) {
        hits.add(hit);
      }
    }
    return hits;
  }

  /**
   * The lists holding {@code domain} or one of its parent domains (a list entry {@code
   * pool.example.org} matches {@code eu.pool.example.org}), one hit per list with the most specific
   * entry. A URL is matched by its host; case and a trailing dot do not matter.
   */
  public List<IntelHit> matchDomain(String domain) {
    if (lists.isEmpty() || domain == null) {
      return List.of();
    }
    String d = Indicators.domain(domain);
    if (d == null) {
      return List.of();
    }
    List<IntelHit> hits = new ArrayList<>(1);
    for (IntelList list : lists) {
      IntelHit hit = list.matchDomain(d);
      if (hit != null) {
        hits.add(hit);
      }
    }
    return hits;
  }
}
