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

  /** The indexed entries: networks and domains point into the per-entry text and metadata. */
  record Entries(
      IpRangeIndex networks,
      Map<String, Integer> domains,
      String[] texts,
      int[] metaOfEntry,
      List<EntryMeta> metas) {}

  /** What loading counted. */
  record Counts(
      int addresses,
      int duplicates,
      int problemCount,
      List<IntelProblem> problems,
      Map<String, Integer> skipped) {}

  private final IntelListSpec spec;
  private final String format;
  private final Entries entries;
  private final Counts counts;

  IntelList(IntelListSpec spec, String format, Entries entries, Counts counts) {
    this.spec = spec;
    this.format = format;
    this.entries = entries;
    this.counts = counts;
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
    return counts.addresses();
  }

  /** Domains held (URLs count as their host). */
  public int domains() {
    return entries.domains().size();
  }

  /** Entries held. */
  public int size() {
    return counts.addresses() + entries.domains().size();
  }

  /** Entries repeated in the file, kept once. */
  public int duplicates() {
    return counts.duplicates();
  }

  /** Entries that could not be read. */
  public int problemCount() {
    return counts.problemCount();
  }

  /** The first few problems with line and text (see {@link ListBuilder#MAX_EXAMPLES}). */
  public List<IntelProblem> problems() {
    return counts.problems();
  }

  /** Entries left out on purpose, by reason ({@code expired}, {@code revoked}, ...). */
  public Map<String, Integer> skipped() {
    return counts.skipped();
  }

  /** The most specific entry holding {@code ip}, or null. */
  public IntelHit matchIp(IpAddress ip) {
    int entry = entries.networks().lookup(ip);
    if (entry == IpRangeIndex.NONE) {
      return null;
    }
    String text = entries.texts()[entry];
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
      Integer entry = entries.domains().get(d);
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
    EntryMeta meta = entries.metas().get(entries.metaOfEntry()[entry]);
    return new IntelHit(
        name(),
        kind(),
        meta.confidence(),
        entries.texts()[entry],
        exact,
        meta.labels(),
        meta.reference(),
        size());
  }
}
