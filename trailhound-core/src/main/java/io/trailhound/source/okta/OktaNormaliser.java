package io.trailhound.source.okta;

import static io.trailhound.source.JsonRecord.at;
import static io.trailhound.source.JsonRecord.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import io.trailhound.event.Outcome;
import io.trailhound.event.Resource;
import io.trailhound.source.JsonRecord;
import io.trailhound.source.RecordRejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one Okta System Log {@code LogEvent} (as {@code /api/v1/logs} returns it) into the common
 * {@link EventView}. Rules see the record under its own JSON paths ({@code eventType}, {@code
 * outcome.result}, {@code actor.alternateId}, {@code debugContext.debugData.*}).
 *
 * <p>Mapping: {@code uuid} → event id; {@code published} → time; {@code eventType} → api; the
 * service is {@code okta}; the view's event type is {@code OktaLogEvent} and its category the first
 * segment of the event type ({@code user}, {@code policy}, {@code app}, {@code system}); {@code
 * outcome.result} {@code FAILURE} or {@code DENY} → failure, with the result as error code and
 * {@code outcome.reason} as message; actor type {@code Okta} + {@code actor.type} ({@code
 * OktaUser}, {@code OktaPublicClientApp}, {@code OktaSystemPrincipal}), {@code actor.id} →
 * principal id, {@code actor.displayName} → user name, {@code actor.alternateId} of a user → email
 * (the login name), {@code authenticationContext.externalSessionId} → session name; {@code
 * client.ipAddress}, {@code client.userAgent.rawUserAgent}, {@code client.geographicalContext} and
 * {@code securityContext} (AS number, AS organisation or ISP) → source; each {@code target[]} → a
 * resource named by its {@code alternateId} (else {@code id}) of type {@code Okta} + target type.
 *
 * <p>Required: {@code uuid}, {@code published} (ISO-8601) and {@code eventType}, as strings; {@code
 * actor}, {@code client}, {@code outcome}, {@code securityContext} must be objects and {@code
 * target} an array when present.
 */
public final class OktaNormaliser {

  /** The {@link io.trailhound.event.Event#sourceType()} of Okta events. */
  public static final String SOURCE_TYPE = "okta";

  /** Members only Okta log events have (beside {@code eventType}, which CloudTrail shares). */
  private static final String[] MARKERS = {
    "uuid",
    "published",
    "legacyEventType",
    "displayMessage",
    "authenticationContext",
    "securityContext",
    "debugContext"
  };

  private OktaNormaliser() {}

  /**
   * Whether an object with these top-level member names is an Okta log event: {@code eventType}
   * with one of Okta's own members, or {@code uuid} with {@code published}. Loose on purpose, so
   * that an Okta event missing a required member is counted as such, not as an unknown format.
   */
  public static boolean looksLike(Set<String> names) {
    if (names.contains("eventType")) {
      return JsonRecord.hasAtLeast(names, 1, MARKERS);
    }
    return names.contains("uuid") && names.contains("published");
  }

  /** The view of one log event. */
  public static EventView view(JsonNode e) throws RecordRejected {
    String uuid = JsonRecord.required(e, "uuid");
    Instant time = JsonRecord.requiredTime(e, "published");
    String eventType = JsonRecord.required(e, "eventType");
    for (String member : List.of("actor", "client", "outcome", "securityContext")) {
      JsonRecord.objectOrAbsent(e, member);
    }
    JsonRecord.arrayOrAbsent(e, "target");
    int dot = eventType.indexOf('.');
    return new EventView(
        uuid,
        time,
        null,
        null,
        SOURCE_TYPE,
        eventType,
        "OktaLogEvent",
        dot > 0 ? eventType.substring(0, dot) : eventType,
        null,
        outcome(e),
        actor(e),
        source(e),
        targets(e));
  }

  private static Outcome outcome(JsonNode e) {
    String result = text(e, "outcome.result");
    if ("FAILURE".equals(result) || "DENY".equals(result)) {
      return new Outcome(false, result, text(e, "outcome.reason"));
    }
    return Outcome.SUCCESS;
  }

  private static Actor actor(JsonNode e) {
    String type = text(e, "actor.type");
    String alternateId = text(e, "actor.alternateId");
    boolean user = "User".equals(type);
    return new Actor(
        type == null ? null : "Okta" + type,
        null,
        text(e, "actor.id"),
        null,
        user ? text(e, "actor.displayName") : firstOf(text(e, "actor.displayName"), alternateId),
        null,
        null,
        null,
        text(e, "authenticationContext.externalSessionId"),
        null,
        null,
        null,
        user ? alternateId : null);
  }

  private static Endpoint source(JsonNode e) {
    JsonNode geo = at(e, "client.geographicalContext");
    String asn = text(e, "securityContext.asNumber");
    String network = firstOf(text(e, "securityContext.asOrg"), text(e, "securityContext.isp"));
    Endpoint.Geo where = null;
    if (geo != null || asn != null || network != null) {
      where =
          new Endpoint.Geo(
              text(geo, "country"),
              text(geo, "city"),
              JsonRecord.number(at(geo, "geolocation.lat")),
              JsonRecord.number(at(geo, "geolocation.lon")),
              asn,
              network);
    }
    return new Endpoint(
        text(e, "client.ipAddress"), text(e, "client.userAgent.rawUserAgent"), null, null, where);
  }

  private static List<Resource> targets(JsonNode e) {
    List<Resource> out = new ArrayList<>();
    for (JsonNode t : JsonRecord.elements(at(e, "target"))) {
      String name = firstOf(text(t, "alternateId"), text(t, "id"));
      if (name != null) {
        String type = text(t, "type");
        out.add(new Resource(name, type == null ? null : "Okta" + type, null));
      }
    }
    return out;
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }
}
