package io.trailhound.simulate.identity;

import com.fasterxml.jackson.core.JsonFactory;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** Microsoft Entra ID sign-ins in the Graph {@code /auditLogs/signIns} shape. */
final class EntraShapes {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final String[][] APPS = {
    {"00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"},
    {"1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams"},
    {"00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"}
  };

  private final SplittableRandom random;
  private final JsonFactory json;
  private final String tenant;

  EntraShapes(SplittableRandom random, JsonFactory json, String orgId) {
    this.random = random;
    this.json = json;
    this.tenant = OktaShapes.uuidOf("tenant:" + orgId);
  }

  /** An interactive, MFA-satisfied sign-in of {@code p} to a Microsoft 365 app. */
  String signIn(Person p, Instant t, int index) {
    return signIn(p, t, index % 2 == 0, null).json();
  }

  /**
   * A sign-in of {@code p}'s account; from {@code o} (not null) Identity Protection rates it high
   * risk: an anonymising network and properties the account has never shown.
   */
  IdentityRecord signIn(Person p, Instant t, boolean compliant, Origin o) {
    String[] app = APPS[random.nextInt(APPS.length)];
    String id = OktaShapes.uuidOf("signin:" + p.name() + t + random.nextLong());
    String ip = o == null ? p.homeIp() : o.ip();
    String agent = o == null ? p.browser() : o.userAgent();
    String risk = o == null ? "none" : "high";
    String correlation = OktaShapes.uuidOf("corr:" + id);
    String body =
        IdentityLogs.render(
            json,
            g -> {
              g.writeStartObject();
              g.writeStringField("id", id);
              g.writeStringField(
                  "createdDateTime", TIME.format(t.plusMillis(random.nextInt(1000))));
              g.writeStringField("userDisplayName", OktaShapes.displayName(p));
              g.writeStringField("userPrincipalName", IdentityLogs.email(p));
              g.writeStringField("userId", OktaShapes.uuidOf("user:" + p.name()));
              g.writeStringField("appId", app[0]);
              g.writeStringField("appDisplayName", app[1]);
              g.writeStringField("ipAddress", ip);
              g.writeStringField("clientAppUsed", "Browser");
              g.writeStringField("userAgent", agent);
              g.writeStringField("correlationId", correlation);
              g.writeStringField("conditionalAccessStatus", "success");
              g.writeBooleanField("isInteractive", true);
              g.writeStringField("riskDetail", "none");
              g.writeStringField("riskLevelAggregated", risk);
              g.writeStringField("riskLevelDuringSignIn", risk);
              g.writeStringField("riskState", o == null ? "none" : "atRisk");
              if (o != null) {
                g.writeArrayFieldStart("riskEventTypes_v2");
                g.writeString("anonymizedIPAddress");
                g.writeString("unfamiliarFeatures");
                g.writeEndArray();
              }
              g.writeStringField("authenticationRequirement", "multiFactorAuthentication");
              g.writeStringField("homeTenantId", tenant);
              g.writeStringField("resourceTenantId", tenant);
              g.writeObjectFieldStart("status");
              g.writeNumberField("errorCode", 0);
              g.writeNullField("failureReason");
              g.writeEndObject();
              g.writeObjectFieldStart("deviceDetail");
              g.writeStringField(
                  "operatingSystem",
                  agent.contains("Macintosh")
                      ? "MacOs"
                      : agent.contains("Linux") ? "Linux" : "Windows10");
              g.writeStringField(
                  "browser", agent.contains("Firefox") ? "Firefox 132.0" : "Chrome 131.0.0");
              g.writeBooleanField("isCompliant", o == null && compliant);
              g.writeBooleanField("isManaged", o == null);
              g.writeEndObject();
              g.writeObjectFieldStart("location");
              g.writeStringField("countryOrRegion", o == null ? p.country() : o.country());
              g.writeEndObject();
              g.writeObjectFieldStart("mfaDetail");
              g.writeStringField("authMethod", "Mobile app notification");
              g.writeEndObject();
              g.writeEndObject();
            });
    return new IdentityRecord(t, "entra", id, body, o != null);
  }
}
