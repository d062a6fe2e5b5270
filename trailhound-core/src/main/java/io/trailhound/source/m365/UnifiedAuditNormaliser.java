package io.trailhound.source.m365;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one Microsoft 365 Unified Audit Log record (Office 365 Management Activity API common
 * schema, as {@code /activity/feed/audit/{contentId}} returns it) into the common {@link
 * EventView}. Rules see the record under its own member names ({@code Operation}, {@code Workload},
 * {@code ResultStatus}, {@code ExtendedProperties.Name}, ...).
 *
 * <p>Mapping: {@code Id} → event id; {@code CreationTime} (UTC, usually without an offset) → time;
 * {@code OrganizationId} (the tenant) → account; {@code Workload} → service; {@code Operation} →
 * api; {@code RecordType} → event type; {@code ResultStatus} {@code Failed}/{@code Failure}/{@code
 * False} or a {@code LogonError} → failure; {@code UserId} → user name (and email when it is a user
 * principal name), {@code UserKey} → principal id, {@code UserType} → actor type ({@code M365User},
 * {@code M365Admin}, {@code M365System}, {@code M365Application}, {@code M365ServicePrincipal},
 * ...); {@code ClientIP} (port and IPv6 brackets removed, as Exchange appends them) or {@code
 * ActorIpAddress} → source address; the {@code UserAgent} extended property, or {@code UserAgent},
 * or Exchange's {@code ClientInfoString} → user agent; {@code ObjectId} → resource.
 *
 * <p>Required: {@code Id}, {@code CreationTime} and {@code Operation}, as strings.
 */
public final class UnifiedAuditNormaliser {

  /** The {@link io.trailhound.event.Event#sourceType()} of Unified Audit Log records. */
  public static final String SOURCE_TYPE = "m365";

  private static final String[] MARKERS = {
    "CreationTime", "RecordType", "Workload", "OrganizationId", "UserKey", "ResultStatus"
  };

  /** {@code UserType} values of the common schema, by number. */
  private static final List<String> USER_TYPES =
      List.of(
          "User",
          "Partner",
          "Admin",
          "DcAdmin",
          "System",
          "Application",
          "ServicePrincipal",
          "CustomPolicy",
          "SystemPolicy");

  private UnifiedAuditNormaliser() {}

  /**
   * Whether an object with these member names is a Unified Audit Log record: {@code Operation} with
   * one of the common schema's members, or two of those members.
   */
  public static boolean looksLike(Set<String> names) {
    return JsonRecord.hasAtLeast(names, names.contains("Operation") ? 1 : 2, MARKERS);
  }

  /** The view of one record. */
  public static EventView view(JsonNode r) throws RecordRejected {
    String id = JsonRecord.required(r, "Id");
    Instant time = JsonRecord.requiredTime(r, "CreationTime");
    String operation = JsonRecord.required(r, "Operation");
    JsonRecord.arrayOrAbsent(r, "ExtendedProperties");
    String user = text(r, "UserId");
    String tenant = text(r, "OrganizationId");
    Actor actor =
        new Actor(
            "M365" + userType(at(r, "UserType")),
            null,
            text(r, "UserKey"),
            tenant,
            user,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            user != null && user.indexOf('@') > 0 ? user : null);
    String ip = clientIp(firstOf(text(r, "ClientIP"), text(r, "ActorIpAddress")));
    if (ip == null) {
      ip = clientIp(text(r, "ClientIPAddress"));
    }
    String agent =
        firstOf(
            extended(r, "UserAgent"), firstOf(text(r, "UserAgent"), text(r, "ClientInfoString")));
    String object = text(r, "ObjectId");
    return new EventView(
        id,
        time,
        tenant,
        null,
        text(r, "Workload"),
        operation,
        text(r, "RecordType"),
        "M365UnifiedAudit",
        null,
        outcome(r),
        actor,
        new Endpoint(ip, agent, null, null),
        object == null ? List.of() : List.of(new Resource(object, "M365Object", tenant)));
  }

  private static Outcome outcome(JsonNode r) {
    String status = text(r, "ResultStatus");
    String logonError = text(r, "LogonError");
    String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
    if (s.equals("failed") || s.equals("failure") || s.equals("false") || logonError != null) {
      return new Outcome(false, firstOf(logonError, status), extended(r, "ResultStatusDetail"));
    }
    return Outcome.SUCCESS;
  }

  private static String userType(JsonNode t) {
    if (t != null && t.canConvertToInt()) {
      int n = t.asInt();
      return n == 0 ? "User" : n > 0 && n < USER_TYPES.size() ? USER_TYPES.get(n) : "User";
    }
    String s = text(t);
    return s == null ? "User" : s.equals("Regular") ? "User" : s;
  }

  /** The value of the {@code ExtendedProperties} entry named {@code name}. */
  private static String extended(JsonNode r, String name) {
    for (JsonNode p : JsonRecord.elements(at(r, "ExtendedProperties"))) {
      if (name.equals(text(p, "Name"))) {
        return text(p, "Value");
      }
    }
    return null;
  }

  /**
   * An address without the port Exchange appends ({@code 203.0.113.5:51234}, {@code
   * [2001:db8::1]:443}); bare IPv6 addresses are kept as they are.
   */
  static String clientIp(String s) {
    if (s == null) {
      return null;
    }
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      return end > 1 ? s.substring(1, end) : s;
    }
    int colon = s.indexOf(':');
    if (colon > 0 && colon == s.lastIndexOf(':') && s.indexOf('.') > 0) {
      return s.substring(0, colon);
    }
    return s;
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }
}
