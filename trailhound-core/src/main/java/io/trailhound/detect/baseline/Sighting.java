package io.trailhound.detect.baseline;

import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import io.trailhound.event.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * The few fields of an event that a baseline finding shows: kept, instead of the whole view, for
 * the first event carrying each value first seen in this run. Strings are the view's own (not
 * copied).
 *
 * @param eventId the event's id (the finding's evidence)
 * @param time event time in epoch milliseconds
 */
public record Sighting(
    String eventId,
    long time,
    String account,
    String region,
    String service,
    String api,
    String actorType,
    String principalArn,
    String accessKeyId,
    String ip,
    String userAgent,
    String errorCode) {

  static Sighting of(EventView v) {
    return new Sighting(
        v.eventId(),
        v.time().toEpochMilli(),
        v.account(),
        v.region(),
        v.service(),
        v.api(),
        v.actor().type(),
        v.actor().principalArn(),
        v.actor().accessKeyId(),
        v.source().ip(),
        v.source().userAgent(),
        v.outcome().errorCode());
  }

  /** Event time. */
  public Instant instant() {
    return Instant.ofEpochMilli(time);
  }

  /** A normalised view with the kept fields, for a finding's samples. */
  public EventView view() {
    Actor actor =
        new Actor(
            actorType,
            principalArn,
            null,
            null,
            null,
            accessKeyId,
            null,
            null,
            null,
            null,
            null,
            null);
    return new EventView(
        eventId,
        instant(),
        account,
        region,
        service,
        api,
        null,
        null,
        null,
        errorCode == null ? Outcome.SUCCESS : new Outcome(false, errorCode, null),
        actor,
        new Endpoint(ip, userAgent, null, null),
        List.of());
  }
}
