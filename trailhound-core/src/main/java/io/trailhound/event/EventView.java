package io.trailhound.event;

import java.time.Instant;
import java.util.List;

/**
 * The typed, normalised view of an event, aligned with OCSF API Activity: enough to group, display
 * and pivot without re-reading the raw JSON.
 *
 * @param eventId the source's unique id ({@code eventID}); synthesised from the raw bytes when the
 *     source gave none
 * @param time when the call happened (event time, not processing time)
 * @param account account that recorded the event ({@code recipientAccountId})
 * @param region AWS region
 * @param service service endpoint, e.g. {@code iam.amazonaws.com}
 * @param api operation name, e.g. {@code CreateAccessKey}
 * @param eventType e.g. {@code AwsApiCall}, {@code AwsConsoleSignIn}
 * @param eventCategory {@code Management}, {@code Data}, ...
 * @param readOnly null when the source did not say
 * @param outcome success or the error
 * @param actor who made the call
 * @param source where the call came from
 * @param resources resources the event names
 */
public record EventView(
    String eventId,
    Instant time,
    String account,
    String region,
    String service,
    String api,
    String eventType,
    String eventCategory,
    Boolean readOnly,
    Outcome outcome,
    Actor actor,
    Endpoint source,
    List<Resource> resources) {

  public EventView {
    java.util.Objects.requireNonNull(eventId, "eventId");
    java.util.Objects.requireNonNull(time, "time");
    outcome = outcome == null ? Outcome.SUCCESS : outcome;
    actor = actor == null ? Actor.UNKNOWN : actor;
    source = source == null ? Endpoint.UNKNOWN : source;
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
