package io.trailhound.investigate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pivots an investigation asks of the events it can see. Every list is ordered by time, then
 * event id, and bounded by {@code [from, to]} inclusive. The scan's in-memory {@link
 * InMemoryEventIndex} implements it; an event store can too.
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
   * The STS call that returned the temporary key in its {@code responseElements.credentials}, or
   * the {@code CreateAccessKey} call that created a long-term key.
   */
  Optional<EventRecord> issuing(String accessKeyId);

  /** Earliest and latest event time seen; empty when there are no events. */
  Optional<Instant[]> span();

  /** Events the lookup could not keep (a bounded index over a huge input); 0 when complete. */
  long overflow();
}
