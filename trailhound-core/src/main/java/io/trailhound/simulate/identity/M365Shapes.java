package io.trailhound.simulate.identity;

import com.fasterxml.jackson.core.JsonFactory;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Microsoft 365 Unified Audit Log records (Office 365 Management Activity API common schema): the
 * Entra ID sign-in as {@code UserLoggedIn}, then the person's mail and file reads.
 */
final class M365Shapes {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] FILES = {
    "Shared Documents/Roadmap 2027.docx",
    "Shared Documents/Budget FY27.xlsx",
    "Shared Documents/Runbooks/incident-response.md",
    "Shared Documents/Architecture/aws-landing-zone.pptx"
  };

  private final SplittableRandom random;
  private final JsonFactory json;
  private final String tenant;

  M365Shapes(SplittableRandom random, JsonFactory json, String orgId) {
    this.random = random;
    this.json = json;
    this.tenant = OktaShapes.uuidOf("tenant:" + orgId);
  }

  /** {@code UserLoggedIn} of the sign-in. */
  String loggedIn(Person p, Instant t) {
    return record(
        p,
        t,
        "UserLoggedIn",
        15,
        "AzureActiveDirectory",
        "00000003-0000-0000-c000-000000000000",
        null);
  }

  /** A mail or file read some minutes after the sign-in. */
  String work(Person p, Instant t) {
    if (random.nextBoolean()) {
      return record(p, t, "MailItemsAccessed", 50, "Exchange", null, null);
    }
    String file = FILES[random.nextInt(FILES.length)];
    return record(
        p,
        t,
        "FileAccessed",
        6,
        "SharePoint",
        "https://example.sharepoint.com/sites/engineering/" + file,
        file.substring(file.lastIndexOf('/') + 1));
  }

  private String record(
      Person p,
      Instant t,
      String operation,
      int recordType,
      String workload,
      String objectId,
      String fileName) {
    String id = OktaShapes.uuidOf("ual:" + p.name() + t + random.nextLong());
    return IdentityLogs.render(
        json,
        g -> {
          g.writeStartObject();
          g.writeStringField("CreationTime", TIME.format(t));
          g.writeStringField("Id", id);
          g.writeStringField("Operation", operation);
          g.writeStringField("OrganizationId", tenant);
          g.writeNumberField("RecordType", recordType);
          g.writeStringField("ResultStatus", "Succeeded");
          g.writeStringField("UserKey", OktaShapes.uuidOf("user:" + p.name()));
          g.writeNumberField("UserType", 0);
          g.writeNumberField("Version", 1);
          g.writeStringField("Workload", workload);
          g.writeStringField("ClientIP", p.homeIp());
          g.writeStringField("UserId", IdentityLogs.email(p));
          if (objectId != null) {
            g.writeStringField("ObjectId", objectId);
          }
          if (fileName != null) {
            g.writeStringField("SourceFileName", fileName);
            g.writeStringField("SiteUrl", "https://example.sharepoint.com/sites/engineering/");
            g.writeStringField("UserAgent", p.browser());
          }
          if (recordType == 15) {
            g.writeNumberField("AzureActiveDirectoryEventType", 1);
            g.writeArrayFieldStart("ExtendedProperties");
            g.writeStartObject();
            g.writeStringField("Name", "UserAgent");
            g.writeStringField("Value", p.browser());
            g.writeEndObject();
            g.writeEndArray();
          }
          if (recordType == 50) {
            g.writeStringField("MailAccessType", "Bind");
            g.writeStringField("ClientInfoString", "Client=OWA;Action=ViaProxy");
          }
          g.writeEndObject();
        });
  }

  /**
   * {@code New-InboxRule} run in Outlook on the web from {@code o}: mail matching {@code words}
   * forwarded to {@code address}, then marked read and moved out of sight.
   */
  IdentityRecord inboxRule(
      Person p, Instant t, Origin o, String rule, String address, String words) {
    String id = OktaShapes.uuidOf("ual:" + p.name() + t + random.nextLong());
    String body =
        IdentityLogs.render(
            json,
            g -> {
              g.writeStartObject();
              g.writeStringField("CreationTime", TIME.format(t));
              g.writeStringField("Id", id);
              g.writeStringField("Operation", "New-InboxRule");
              g.writeStringField("OrganizationId", tenant);
              g.writeNumberField("RecordType", 1);
              g.writeStringField("ResultStatus", "True");
              g.writeStringField("UserKey", OktaShapes.uuidOf("user:" + p.name()));
              g.writeNumberField("UserType", 0);
              g.writeNumberField("Version", 1);
              g.writeStringField("Workload", "Exchange");
              g.writeStringField("ClientIP", o.ip() + ":" + (30000 + random.nextInt(30000)));
              g.writeStringField("ObjectId", IdentityLogs.email(p) + "\\" + rule);
              g.writeStringField("UserId", IdentityLogs.email(p));
              g.writeArrayFieldStart("Parameters");
              parameter(g, "Name", rule);
              parameter(g, "SubjectOrBodyContainsWords", words);
              parameter(g, "ForwardTo", address);
              parameter(g, "MarkAsRead", "True");
              parameter(g, "StopProcessingRules", "True");
              g.writeEndArray();
              g.writeStringField("OrganizationName", "example.onmicrosoft.com");
              g.writeStringField(
                  "OriginatingServer",
                  "AM0PR06MB" + (1000 + random.nextInt(9000)) + " (15.20.8182.020)");
              g.writeBooleanField("ExternalAccess", false);
              g.writeEndObject();
            });
    return new IdentityRecord(t, "m365", id, body, true);
  }

  private static void parameter(
      com.fasterxml.jackson.core.JsonGenerator g, String name, String value)
      throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("Name", name);
    g.writeStringField("Value", value);
    g.writeEndObject();
  }
}
