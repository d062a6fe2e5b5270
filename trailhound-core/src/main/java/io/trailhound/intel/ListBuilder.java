package io.trailhound.intel;

import io.trailhound.enrich.IpRangeIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects one list's entries and problems while a parser reads it. */
final class ListBuilder {

  /** Problems kept with their text; the rest are only counted. */
  static final int MAX_EXAMPLES = 20;

  private final IntelListSpec spec;
  private final IpRangeIndex.Builder networks = new IpRangeIndex.Builder();
  private final Map<String, Integer> domains = new HashMap<>();
  private final Set<Indicators.Network> networksSeen = new HashSet<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Integer> metaOfEntry = new ArrayList<>();
  private final Map<EntryMeta, Integer> metaIds = new HashMap<>();
  private final List<EntryMeta> metas = new ArrayList<>();
  private final List<IntelProblem> problems = new ArrayList<>();
  private int problemCount;
  private int addresses;
  private int duplicates;
  private final Map<String, Integer> skipped = new HashMap<>();

  ListBuilder(IntelListSpec spec) {
    this.spec = spec;
  }

  /** The list's defaults as an entry's metadata. */
  EntryMeta defaults() {
    return new EntryMeta(spec.confidence(), List.of(), null);
  }

  /**
   * Adds the indicator in {@code text}: an address, CIDR, domain or URL (its host).
   *
   * @return false when the text is none of these (the caller decides whether that is a problem)
   */
  boolean add(String text, EntryMeta meta) {
    String value = text.strip();
    String host = Indicators.isUrl(value) ? Indicators.urlHost(value) : value;
    Indicators.Network network = Indicators.network(host);
    if (network != null) {
      if (!networksSeen.add(network)) {
        duplicates++;
        return true;
      }
      networks.addCidr(network.base(), network.prefix(), entry(value, meta));
      addresses++;
      return true;
    }
    String domain = Indicators.domain(host);
    if (domain == null) {
      return false;
    }
    if (domains.containsKey(domain)) {
      duplicates++;
      return true;
    }
    domains.put(domain, entry(domain, meta));
    return true;
  }

  /** Counts a bad entry, keeping its text for the first few. */
  void problem(int line, String reason, String text) {
    problemCount++;
    if (problems.size() < MAX_EXAMPLES) {
      problems.add(IntelProblem.of(line, reason, text));
    }
  }

  /** Counts an entry left out on purpose (expired, revoked, not a network observable). */
  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  IntelList build(String format) {
    return new IntelList(
        spec,
        format,
        new IntelList.Entries(
            networks.build(),
            Map.copyOf(domains),
            texts.toArray(String[]::new),
            metaOfEntry.stream().mapToInt(Integer::intValue).toArray(),
            List.copyOf(metas)),
        new IntelList.Counts(
            addresses, duplicates, problemCount, List.copyOf(problems), Map.copyOf(skipped)));
  }

  private int entry(String text, EntryMeta meta) {
    int metaId =
        metaIds.computeIfAbsent(
            meta,
            m -> {
              metas.add(m);
              return metas.size() - 1;
            });
    texts.add(text);
    metaOfEntry.add(metaId);
    return texts.size() - 1;
  }
}
