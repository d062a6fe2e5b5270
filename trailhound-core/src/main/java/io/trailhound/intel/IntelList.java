package io.trailhound.intel;

import io.trailhound.enrich.IpAddress;
import io.trailhound.enrich.IpRangeIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One loaded list: its entries indexed for lookup (addresses and CIDRs in sorted ranges, domains in
 * a hash map walked up the parent domains), and what loading it found wrong. Immutable,
 * thread-safe.
 */
public final class IntelList {

  private final IntelListSpec spec;
  private final String format;
  private final IpRangeIndex networks;
  private final Map<String, Integer> domains;
  private final String[] texts;
  private final int[] metaOfEntry;
  private final List<EntryMeta> metas;
  private final int addresses;
  private final int duplicates;
  private final int problemCount;
  private final List<IntelProblem> problems;
  private final Map<String, Integer> skipped;

  IntelList(
      IntelListSpec spec,
      String format,
      IpRangeIndex networks,
      Map<String, Integer> domains,
      String[] texts,
      int[] metaOfEntry,
      List<EntryMeta> metas,
      int addresses,
      int duplicates,
      int problemCount,
      List<IntelProblem> problems,
      Map<String, Integer> skipped) {
    this.spec = spec;
    this.format = format;
    this.networks = networks;
    this.domains = domains;
    this.texts = texts;
    this.metaOfEntry = metaOfEntry;
    this.metas = metas;
    this.addresses = addresses;
    this.duplicates = duplicates;
    this.problemCount = problemCount;
    this.problems = problems;
    this.skipped = skipped;
  }

  public String name() {
    return spec.name();
  }

  public IntelKind kind() {
    return spec.kind();
  }

  /** The list's default confidence (entries may carry their own). */
  public int confidence() {
    return spec.confidence();
  }

  public Path path() {
    return spec.path();
  }

  /** {@code text}, {@code csv} or {@code stix}. */
  public String format() {
    return format;
  }

  /** Addresses and CIDRs held. */
  public int addresses() {
    return addresses;
  }

  /** Domains held (URLs count as their host). */
  public int domains() {
    return domains.size();
  }

  /** Entries held. */
  public int size() {
    return addresses + domains.size();
  }

  /** Entries repeated in the file, kept once. */
  public int duplicates() {
    return duplicates;
  }

  /** Entries that could not be read. */
  public int problemCount() {
    return problemCount;
  }

  /** The first few problems with line and text (see {@link ListBuilder#MAX_EXAMPLES}). */
  public List<IntelProblem> problems() {
    return problems;
  }

  /** Entries left out on purpose, by reason ({@code expired}, {@code revoked}, ...). */
  public Map<String, Integer> skipped() {
    return skipped;
  }

  /** The most specific entry holding {@code ip}, or null. */
  public IntelHit matchIp(IpAddress ip) {
    int entry = networks.lookup(ip);
    if (entry == IpRangeIndex.NONE) {
      return null;
    }
    String text = texts[entry];
    return hit(entry, IpAddress.parse(text) != null);
  }

  /**
   * The entry for {@code domain} or its nearest listed parent ({@code a.pool.example.org} matches
   * {@code pool.example.org}), or null. {@code domain} must be normalised as {@link
   * IndicatorSet#matchDomain} does.
   */
  IntelHit matchDomain(String domain) {
    String d = domain;
    while (true) {
      Integer entry = domains.get(d);
      if (entry != null) {
        return hit(entry, d.length() == domain.length());
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return null;
      }
      d = d.substring(dot + 1);
    }
  }

  private IntelHit hit(int entry, boolean exact) {
    EntryMeta meta = metas.get(metaOfEntry[entry]);
    return new IntelHit(
        name(),
        kind(),
        meta.confidence(),
        texts[entry],
        exact,
        meta.labels(),
        meta.reference(),
        size());
  }
}
