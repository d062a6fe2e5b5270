package io.trailhound.intel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a list's entries are; decides the finding type and weighs the severity of a match. */
public enum IntelKind {
  /**
   * The user's own list of addresses to watch (GuardDuty's uploaded threat lists: {@code .Custom}).
   */
  CUSTOM("custom", 0),
  /** A curated threat feed: known attacker infrastructure. */
  MALICIOUS("malicious", 0),
  /** Tor exit relays: anonymised callers, not necessarily hostile. */
  TOR_EXIT("tor-exit", 0),
  /** Command-and-control servers. */
  C2("c2", 1),
  /** Cryptocurrency mining pools (mostly domains). */
  MINING_POOL("mining-pool", 0);

  private final String label;
  private final int weight;

  IntelKind(String label, int weight) {
    this.label = label;
    this.weight = weight;
  }

  /** The name used on the command line and in explanations. */
  public String label() {
    return label;
  }

  /**
   * How much a match on this kind adds to the severity its confidence alone gives (0 or 1 step: a
   * command-and-control server is worse than a scanner).
   */
  public int weight() {
    return weight;
  }

  /** The kind named {@code text} (its label, any case); fails naming the valid labels. */
  public static IntelKind parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (IntelKind k : values()) {
      if (k.label.equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown intel kind '"
            + text
            + "' (one of "
            + Arrays.stream(values()).map(IntelKind::label).collect(Collectors.joining(", "))
            + ")");
  }
}
