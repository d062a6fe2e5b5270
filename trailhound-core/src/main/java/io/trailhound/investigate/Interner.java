package io.trailhound.investigate;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal strings between records: a scan repeats the same ARNs, addresses, APIs and regions
 * millions of times, and keeping one copy of each is what lets the index hold millions of events.
 * Bounded: past {@link #MAX} distinct strings new ones are kept as they are.
 */
public final class Interner {

  static final int MAX = 2_000_000;

  private final ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();

  /** The shared copy of {@code s} (null stays null). */
  public String intern(String s) {
    if (s == null) {
      return null;
    }
    String known = seen.get(s);
    if (known != null) {
      return known;
    }
    if (seen.size() >= MAX) {
      return s;
    }
    known = seen.putIfAbsent(s, s);
    return known == null ? s : known;
  }
}
