package io.trailhound.investigate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pivots an investigation asks of the events it can see. Every list is ordered by time, then
 * event id, and bounded by {@code [from, to]} inclusive. The scan's in-memory {@link
 * InMemoryEventIndex} implements it; an event store can too.
 *
 * <p>The default methods answer narrower questions from the basic pivots; a store overrides them to
 * filter, group and read no more than the answer (a busy role's history can be millions of events,
 * which an in-memory index holds ready but a store would have to read back and parse).
 */
public interface EventLookup {

  /** One event by id. */
  Optional<EventRecord> byId(String eventId);

  /** Events signed with an access key ({@code AKIA…} or {@code ASIA…}). */
  List<EventRecord> byAccessKey(String accessKeyId, Instant from, Instant to);

  /** Events whose caller ARN is {@code principalArn}. */
  List<EventRecord> byPrincipal(String principalArn, Instant from, Instant to);

  /**
   * Events of one role session: the session issuer ARN and the session name; with a null session
   * name, every session of the issuer (a role's whole history).
   */
  List<EventRecord> bySession(String issuerArn, String sessionName, Instant from, Instant to);

  /** Events from a source address. */
  List<EventRecord> byIp(String ip, Instant from, Instant to);

  /** Events that name a resource (see {@link EventRecord#resources()}). */
  List<EventRecord> byResource(String arn, Instant from, Instant to);

  /**
   * {@link #byResource} restricted to calls whose API, without its version suffix ({@code
   * CreateFunction20150331} is {@code CreateFunction}), is one of {@code apis}: whether something
   * was removed later asks for a handful of delete calls among a busy resource's thousands of uses,
   * which a store filters before reading them.
   */
  default List<EventRecord> byResource(String arn, Instant from, Instant to, Set<String> apis) {
    return byResource(arn, from, to).stream()
        .filter(e -> apis.contains(PrivescCatalog.baseApi(e.api())))
        .toList();
  }

  /**
   * The STS call that returned the temporary key in its {@code responseElements.credentials}, or
   * the {@code CreateAccessKey} call that created a long-term key.
   */
  Optional<EventRecord> issuing(String accessKeyId);

  /**
   * The events with these ids, in the order of {@code ids} (ids not found are left out); {@code
   * [from, to]} is where they are expected (a finding's first and last seen), a hint a store uses
   * to skip other days: ids outside it are still found.
   */
  default List<EventRecord> byIds(List<String> ids, Instant from, Instant to) {
    List<EventRecord> out = new ArrayList<>();
    for (String id : ids) {
      byId(id).ifPresent(out::add);
    }
    return out;
  }

  /** {@link #byAccessKey} from these source addresses only (every address when empty). */
  default List<EventRecord> byAccessKey(
      String accessKeyId, Instant from, Instant to, Set<String> ips) {
    return from(byAccessKey(accessKeyId, from, to), ips);
  }

  /** {@link #byPrincipal} from these source addresses only (every address when empty). */
  default List<EventRecord> byPrincipal(
      String principalArn, Instant from, Instant to, Set<String> ips) {
    return from(byPrincipal(principalArn, from, to), ips);
  }

  /**
   * The events of a footprint's credentials: every event of {@code keys} from {@code ips} (from any
   * address when empty) and, when {@code ips} is not empty, every event of {@code principals} from
   * them. Each event once: the keys' events first, key by key, then the principals' others,
   * principal by principal, each in time order. A store overrides it to read no event twice (a
   * long-term key's events are its user's events).
   */
  default List<EventRecord> credentials(Set<String> keys, Set<String> principals, Set<String> ips) {
    java.util.Map<String, EventRecord> out = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      byAccessKey(key, null, null, ips).forEach(e -> out.putIfAbsent(e.id(), e));
    }
    if (!ips.isEmpty()) {
      for (String principal : principals) {
        byPrincipal(principal, null, null, ips).forEach(e -> out.putIfAbsent(e.id(), e));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Source addresses of the key's events strictly before {@code before}. */
  default Set<String> keyAddressesBefore(String accessKeyId, Instant before) {
    return addressesBefore(byAccessKey(accessKeyId, null, before), before);
  }

  /** Source addresses of the principal's events strictly before {@code before}. */
  default Set<String> principalAddressesBefore(String principalArn, Instant before) {
    return addressesBefore(byPrincipal(principalArn, null, before), before);
  }

  /**
   * A role's (by session issuer, {@code session} true) or a principal's whole history grouped by
   * API, source address and run (see {@link Usage#run}), for APIs in {@code apis}: earliest group
   * first.
   */
  default List<Usage> usage(String owner, boolean session, Set<String> apis) {
    return Usage.of(
        session ? bySession(owner, null, null, null) : byPrincipal(owner, null, null), apis);
  }

  private static List<EventRecord> from(List<EventRecord> events, Set<String> ips) {
    return ips.isEmpty() ? events : events.stream().filter(e -> ips.contains(e.ip())).toList();
  }

  private static Set<String> addressesBefore(List<EventRecord> events, Instant before) {
    Set<String> out = new LinkedHashSet<>();
    for (EventRecord e : events) {
      if (e.time().isBefore(before)) {
        out.add(e.ip());
      }
    }
    return out;
  }

  /** Earliest and latest event time seen; empty when there are no events. */
  Optional<Instant[]> span();

  /** Events the lookup could not keep (a bounded index over a huge input); 0 when complete. */
  long overflow();
}
