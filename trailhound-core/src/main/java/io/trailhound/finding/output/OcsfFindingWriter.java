package io.trailhound.finding.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import io.trailhound.finding.AttackTag;
import io.trailhound.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * OCSF 1.1.0 Detection Finding (class 2004) objects, one per line, as Amazon Security Lake and most
 * SIEMs ingest them.
 */
public final class OcsfFindingWriter implements FindingWriter {

  static final String OCSF_VERSION = "1.1.0";
  static final int CLASS_UID = 2004;
  static final int ACTIVITY_CREATE = 1;

  private final String productVersion;

  public OcsfFindingWriter(String productVersion) {
    this.productVersion = productVersion;
  }

  @Override
  public void write(List<Finding> findings, Writer out) throws IOException {
    Json.lines(findings, out, this::writeOne);
  }

  private void writeOne(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("activity_id", ACTIVITY_CREATE);
    g.writeStringField("activity_name", "Create");
    g.writeNumberField("category_uid", 2);
    g.writeStringField("category_name", "Findings");
    g.writeNumberField("class_uid", CLASS_UID);
    g.writeStringField("class_name", "Detection Finding");
    g.writeNumberField("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
    g.writeStringField("type_name", "Detection Finding: Create");
    g.writeNumberField("severity_id", f.severity().ocsfId());
    g.writeStringField("severity", f.severity().ocsfName());
    g.writeNumberField("status_id", 1);
    g.writeStringField("status", "New");
    g.writeNumberField("time", millis(f.lastSeen()));
    g.writeStringField("message", f.title());
    g.writeBooleanField("is_alert", true);
    g.writeNumberField("count", f.eventCount());
    metadata(g, f);
    findingInfo(g, f);
    cloud(g, f);
    evidences(g, f.samples());
    resources(g, f.resources());
    g.writeObjectFieldStart("unmapped");
    g.writeStringField("dedup_key", f.dedupKey());
    g.writeStringField("explanation", f.explanation());
    g.writeStringField("actor", f.actor());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void metadata(JsonGenerator g, Finding f) throws IOException {
    g.writeObjectFieldStart("metadata");
    g.writeStringField("version", OCSF_VERSION);
    g.writeStringField("uid", f.id());
    g.writeStringField("correlation_uid", f.dedupKey());
    g.writeObjectFieldStart("product");
    g.writeStringField("name", "Trailhound");
    g.writeStringField("vendor_name", "Trailhound");
    g.writeStringField("version", productVersion);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void findingInfo(JsonGenerator g, Finding f) throws IOException {
    g.writeObjectFieldStart("finding_info");
    g.writeStringField("uid", f.id());
    g.writeStringField("title", f.title());
    g.writeStringField("desc", f.rule().description());
    Json.strings(g, "types", f.rule().types());
    g.writeNumberField("first_seen_time", millis(f.firstSeen()));
    g.writeNumberField("last_seen_time", millis(f.lastSeen()));
    g.writeObjectFieldStart("analytic");
    g.writeStringField("uid", f.rule().ruleId());
    g.writeStringField("name", f.rule().name());
    g.writeNumberField("type_id", 1);
    g.writeStringField("type", "Rule");
    g.writeEndObject();
    g.writeArrayFieldStart("attacks");
    String tactic = f.rule().tactics().isEmpty() ? null : f.rule().tactics().get(0);
    for (String technique : f.rule().techniques()) {
      g.writeStartObject();
      g.writeObjectFieldStart("technique");
      g.writeStringField("uid", technique);
      g.writeEndObject();
      if (tactic != null) {
        g.writeObjectFieldStart("tactic");
        g.writeStringField("name", AttackTag.tacticTitle(tactic));
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("related_events");
    for (String id : f.evidence()) {
      g.writeStartObject();
      g.writeStringField("uid", id);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void cloud(JsonGenerator g, Finding f) throws IOException {
    g.writeObjectFieldStart("cloud");
    g.writeStringField("provider", "AWS");
    Json.stringIfPresent(g, "region", f.region());
    if (f.account() != null) {
      g.writeObjectFieldStart("account");
      g.writeStringField("uid", f.account());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** OCSF {@code location} and {@code autonomous_system} of an endpoint an identity log placed. */
  private static void location(JsonGenerator g, Endpoint.Geo geo) throws IOException {
    if (geo == null) {
      return;
    }
    if (geo.country() != null || geo.city() != null || geo.latitude() != null) {
      g.writeObjectFieldStart("location");
      Json.stringIfPresent(g, "country", geo.country());
      Json.stringIfPresent(g, "city", geo.city());
      if (geo.latitude() != null && geo.longitude() != null) {
        g.writeNumberField("lat", geo.latitude());
        g.writeNumberField("long", geo.longitude());
      }
      g.writeEndObject();
    }
    if (geo.asn() != null || geo.network() != null) {
      g.writeObjectFieldStart("autonomous_system");
      if (geo.asn() != null && geo.asn().matches("\\d{1,10}")) {
        g.writeNumberField("number", Long.parseLong(geo.asn())); // an integer in OCSF
      }
      Json.stringIfPresent(g, "name", geo.network());
      g.writeEndObject();
    }
  }

  private static void evidences(JsonGenerator g, List<EventView> samples) throws IOException {
    g.writeArrayFieldStart("evidences");
    for (EventView v : samples) {
      g.writeStartObject();
      g.writeObjectFieldStart("actor");
      g.writeObjectFieldStart("user");
      Json.stringIfPresent(g, "uid", v.actor().principalArn());
      Json.stringIfPresent(g, "uid_alt", v.actor().principalId());
      Json.stringIfPresent(g, "type", v.actor().type());
      Json.stringIfPresent(g, "name", v.actor().userName());
      Json.stringIfPresent(g, "email_addr", v.actor().email());
      Json.stringIfPresent(g, "credential_uid", v.actor().accessKeyId());
      if (v.actor().account() != null) {
        g.writeObjectFieldStart("account");
        g.writeStringField("uid", v.actor().account());
        g.writeEndObject();
      }
      g.writeEndObject();
      Json.stringIfPresent(g, "invoked_by", v.actor().invokedBy());
      g.writeEndObject();
      g.writeObjectFieldStart("api");
      g.writeStringField("operation", v.api());
      g.writeObjectFieldStart("service");
      g.writeStringField("name", v.service());
      g.writeEndObject();
      if (!v.outcome().success()) {
        g.writeObjectFieldStart("response");
        Json.stringIfPresent(g, "error", v.outcome().errorCode());
        Json.stringIfPresent(g, "message", v.outcome().errorMessage());
        g.writeEndObject();
      }
      g.writeEndObject();
      if (v.source().ip() != null) {
        g.writeObjectFieldStart("src_endpoint");
        g.writeStringField("ip", v.source().ip());
        location(g, v.source().geo());
        g.writeEndObject();
      }
      if (v.source().userAgent() != null) {
        g.writeObjectFieldStart("http_request");
        g.writeStringField("user_agent", v.source().userAgent());
        g.writeEndObject();
      }
      g.writeStringField("uid", v.eventId());
      g.writeNumberField("time", millis(v.time()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void resources(JsonGenerator g, List<Resource> resources) throws IOException {
    g.writeArrayFieldStart("resources");
    for (Resource r : resources) {
      g.writeStartObject();
      g.writeStringField("uid", r.arn());
      Json.stringIfPresent(g, "type", r.type());
      if (r.account() != null) {
        g.writeObjectFieldStart("owner");
        g.writeObjectFieldStart("account");
        g.writeStringField("uid", r.account());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static long millis(Instant t) {
    return t == null ? 0L : t.toEpochMilli();
  }
}
