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
import io.trailhound.source.SkipReason;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns one Microsoft Entra ID sign-in ({@code signIn} resource of Microsoft Graph {@code
 * /auditLogs/signIns}) into the common {@link EventView}. Rules see the record under its own member
 * names ({@code status.errorCode}, {@code riskLevelAggregated}, {@code location.countryOrRegion},
 * ...).
 *
 * <p>Mapping: {@code id} → event id; {@code createdDateTime} → time; {@code homeTenantId} or {@code
 * resourceTenantId} → account; service {@code entra}, api {@code SignIn}; event type {@code
 * interactive} or {@code nonInteractive} from {@code isInteractive}; {@code status.errorCode} other
 * than 0 → failure with the code and {@code status.failureReason}; {@code userPrincipalName} →
 * email, {@code userId} → principal id, {@code userDisplayName} → user name, actor type {@code
 * EntraUser} (or {@code EntraServicePrincipal} for a service principal sign-in); MFA true when
 * {@code mfaDetail} names a method or {@code authenticationRequirement} is {@code
 * multiFactorAuthentication} on a success, false for {@code singleFactorAuthentication}; {@code
 * correlationId} → session name (it ties the sign-in's steps together); {@code ipAddress}, {@code
 * userAgent} (else {@code deviceDetail.browser}) and {@code location} → source; the application
 * signed in to → resource.
 *
 * <p>Required: {@code id} and {@code createdDateTime} (ISO-8601) as strings; {@code status}, {@code
 * location}, {@code deviceDetail} must be objects when present.
 */
public final class SignInNormaliser {

  /** The {@link io.trailhound.event.Event#sourceType()} of Entra ID sign-ins. */
  public static final String SOURCE_TYPE = "entra";

  private static final String[] MARKERS = {
    "createdDateTime",
    "userPrincipalName",
    "appDisplayName",
    "clientAppUsed",
    "conditionalAccessStatus",
    "riskLevelAggregated",
    "riskState",
    "isInteractive",
    "authenticationRequirement",
    "appliedConditionalAccessPolicies",
    "signInEventTypes"
  };

  private SignInNormaliser() {}

  /** Whether an object with these member names is a sign-in: two of the sign-in's own members. */
  public static boolean looksLike(Set<String> names) {
    return JsonRecord.hasAtLeast(names, 2, MARKERS);
  }

  /** The view of one sign-in. */
  public static EventView view(JsonNode s) throws RecordRejected {
    String id = JsonRecord.required(s, "id");
    Instant time = JsonRecord.requiredTime(s, "createdDateTime");
    for (String member : List.of("status", "location", "deviceDetail")) {
      JsonRecord.objectOrAbsent(s, member);
    }
    JsonNode code = at(s, "status.errorCode");
    if (code != null && !code.isNumber() && !code.isTextual()) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, "status.errorCode is not a number");
    }
    Outcome outcome = outcome(code, text(s, "status.failureReason"));
    String tenant = firstOf(text(s, "homeTenantId"), text(s, "resourceTenantId"));
    String upn = text(s, "userPrincipalName");
    boolean servicePrincipal = upn == null && text(s, "servicePrincipalId") != null;
    Actor actor =
        new Actor(
            servicePrincipal ? "EntraServicePrincipal" : "EntraUser",
            null,
            servicePrincipal ? text(s, "servicePrincipalId") : text(s, "userId"),
            tenant,
            servicePrincipal ? text(s, "servicePrincipalName") : text(s, "userDisplayName"),
            null,
            null,
            null,
            text(s, "correlationId"),
            mfa(s, outcome),
            null,
            null,
            upn);
    Boolean interactive = JsonRecord.bool(at(s, "isInteractive"));
    String app = firstOf(text(s, "appDisplayName"), text(s, "appId"));
    return new EventView(
        id,
        time,
        tenant,
        null,
        SOURCE_TYPE,
        "SignIn",
        interactive == null ? null : interactive ? "interactive" : "nonInteractive",
        "SignInLogs",
        null,
        outcome,
        actor,
        source(s),
        app == null ? List.of() : List.of(new Resource(app, "EntraApplication", tenant)));
  }

  private static Outcome outcome(JsonNode code, String reason) {
    String text = text(code);
    if (text == null || text.equals("0")) {
      return Outcome.SUCCESS;
    }
    return new Outcome(false, text, reason);
  }

  private static Boolean mfa(JsonNode s, Outcome outcome) {
    if (text(s, "mfaDetail.authMethod") != null) {
      return Boolean.TRUE;
    }
    String requirement = text(s, "authenticationRequirement");
    if ("multiFactorAuthentication".equals(requirement)) {
      return outcome.success() ? Boolean.TRUE : null;
    }
    return "singleFactorAuthentication".equals(requirement) ? Boolean.FALSE : null;
  }

  private static Endpoint source(JsonNode s) {
    JsonNode loc = at(s, "location");
    Endpoint.Geo geo = null;
    if (loc != null) {
      geo =
          new Endpoint.Geo(
              text(loc, "countryOrRegion"),
              text(loc, "city"),
              JsonRecord.number(at(loc, "geoCoordinates.latitude")),
              JsonRecord.number(at(loc, "geoCoordinates.longitude")),
              null,
              null);
    }
    return new Endpoint(
        text(s, "ipAddress"),
        firstOf(text(s, "userAgent"), text(s, "deviceDetail.browser")),
        null,
        null,
        geo);
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }
}
