package io.trailhound.investigate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group of an owner's history: the calls to one API from one source address in one run, with
 * the earliest of them. What the routine-work check needs to know about a history, without the
 * history itself.
 *
 * @param api API name
 * @param ip source address (may be null)
 * @param run the run: the temporary key of a role session, else the UTC day of the call
 * @param first time of the earliest call of the group
 * @param firstId event id of that call (the smallest id among calls at that time)
 */
public record Usage(String api, String ip, String run, Instant first, String firstId) {

  /** Earliest group first, then by event id. */
  public static final Comparator<Usage> ORDER =
      Comparator.comparing(Usage::first).thenComparing(Usage::firstId);

  /**
   * The run an event belongs to: its temporary key ({@code ASIA…}, one role session), else its UTC
   * day (long-term credentials work in days).
   */
  public static String run(EventRecord e) {
    return e.accessKeyId() != null && e.accessKeyId().startsWith("ASIA")
        ? e.accessKeyId()
        : e.time().toString().substring(0, 10);
  }

  /** The groups of {@code history} (time-ordered) for APIs in {@code apis}, earliest first. */
  static List<Usage> of(List<EventRecord> history, Set<String> apis) {
    Map<List<String>, Usage> groups = new LinkedHashMap<>();
    for (EventRecord e : history) {
      if (e.api() == null || !apis.contains(e.api())) {
        continue;
      }
      groups.putIfAbsent(
          java.util.Arrays.asList(e.api(), e.ip(), run(e)),
          new Usage(e.api(), e.ip(), run(e), e.time(), e.id()));
    }
    List<Usage> out = new ArrayList<>(groups.values());
    out.sort(ORDER);
    return out;
  }
}
