package io.trailhound.investigate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.finding.output.Json;
import io.trailhound.investigate.Identity;
import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Link;
import io.trailhound.investigate.Persistence;
import io.trailhound.investigate.PrivescMatch;
import io.trailhound.investigate.ResponseAction;
import io.trailhound.investigate.Step;
import io.trailhound.investigate.Triage;
import io.trailhound.investigate.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Investigations and incidents as JSON ({@code trailhound.investigation/v1}, {@code
 * trailhound.incidents/v1}): field names in snake case, times in ISO-8601 UTC.
 */
public final class InvestigationJson {

  public static final String INVESTIGATION_SCHEMA = "trailhound.investigation/v1";
  public static final String INCIDENTS_SCHEMA = "trailhound.incidents/v1";

  /**
   * Incident timelines keep their first steps, investigations inside incidents their first evidence
   * ids: a CI role's months of routine must not make a gigabyte file. The counts are always
   * written; {@code trailhound investigate --output json} gives one investigation in full.
   */
  static final int MAX_STEPS = 5_000;

  static final int MAX_EVIDENCE_IN_INCIDENTS = 1_000;

  private static final JsonFactory JSON = new JsonFactory();

  private InvestigationJson() {}

  /** One investigation, pretty-printed. */
  public static void write(Investigation inv, Writer out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      investigation(g, inv, true);
    }
  }

  /** Every incident with its investigations. */
  public static void writeIncidents(List<Incident> incidents, long overflow, Writer out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", INCIDENTS_SCHEMA);
      g.writeNumberField("events_not_indexed", overflow);
      g.writeArrayFieldStart("incidents");
      for (Incident i : incidents) {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("verdict", i.verdict().label());
        g.writeStringField("first", String.valueOf(i.first()));
        g.writeStringField("last", String.valueOf(i.last()));
        Json.strings(g, "shared", i.shared());
        g.writeArrayFieldStart("investigations");
        for (Investigation inv : i.investigations()) {
          investigation(g, inv, false);
        }
        g.writeEndArray();
        g.writeNumberField("timeline_count", i.timeline().size());
        g.writeArrayFieldStart("timeline");
        for (Step s : i.timeline().subList(0, Math.min(i.timeline().size(), MAX_STEPS))) {
          step(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void investigation(JsonGenerator g, Investigation inv, boolean withTimeline)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", INVESTIGATION_SCHEMA);
    g.writeStringField("finding_id", inv.findingId());
    g.writeStringField("rule", inv.rule());
    g.writeStringField("title", inv.title());
    g.writeStringField("severity", inv.severity().label());
    if (!inv.incomplete().isEmpty()) {
      g.writeStringField("incomplete", inv.incomplete());
    }
    g.writeObjectFieldStart("actor");
    g.writeStringField("display", inv.actor().display());
    g.writeStringField("principal", inv.actor().principal());
    g.writeBooleanField("root", inv.actor().root());
    g.writeArrayFieldStart("identities");
    for (Identity id : inv.actor().identities()) {
      g.writeStartObject();
      g.writeStringField("kind", id.kind());
      g.writeStringField("value", id.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("links");
    for (Link l : inv.actor().links()) {
      g.writeStartObject();
      g.writeStringField("from", l.from());
      g.writeStringField("to", l.to());
      g.writeStringField("kind", l.kind());
      g.writeStringField("evidence", l.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("triage");
    g.writeNumberField("score", inv.triage().score());
    g.writeArrayFieldStart("factors");
    for (Triage.Factor f : inv.triage().factors()) {
      g.writeStartObject();
      g.writeStringField("name", f.name());
      g.writeNumberField("value", f.value());
      g.writeStringField("reason", f.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("verdict");
    g.writeStringField("kind", inv.verdict().kind().label());
    g.writeArrayFieldStart("reasons");
    for (Verdict.Reason r : inv.verdict().reasons()) {
      g.writeStartObject();
      g.writeStringField("text", r.text());
      Json.strings(g, "evidence", r.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    var t = inv.timeline();
    g.writeObjectFieldStart("summary");
    if (t.patientZero() != null) {
      g.writeStringField("patient_zero", t.patientZero().eventId());
      g.writeStringField("patient_zero_time", t.patientZero().time().toString());
    }
    g.writeArrayFieldStart("entry_points");
    for (Step s : t.entryPoints()) {
      g.writeStartObject();
      g.writeStringField("source_ip", s.ip());
      g.writeStringField("event_id", s.eventId());
      g.writeStringField("time", s.time().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("dwell_seconds", t.dwell().getSeconds());
    g.writeNumberField("events", t.steps().size());
    g.writeNumberField("failed", t.failed());
    g.writeNumberField("bytes_out", t.bytesOut());
    Json.strings(g, "regions", t.regions());
    Json.strings(g, "accounts", t.accounts());
    Json.strings(g, "source_ips", t.ips());
    Json.strings(g, "resources_read", t.read());
    Json.strings(g, "resources_changed", t.changed());
    Json.strings(g, "resources_deleted", t.deleted());
    g.writeObjectFieldStart("by_tactic");
    for (Map.Entry<String, List<String>> e : t.byTactic().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue().size());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("persistence");
    for (Persistence p : inv.persistence()) {
      g.writeStartObject();
      g.writeStringField("kind", p.kind());
      g.writeStringField("target", p.target());
      g.writeStringField("detail", p.detail());
      g.writeStringField("event", p.eventId());
      g.writeStringField("time", p.time().toString());
      g.writeBooleanField("still_present", p.stillPresent());
      if (p.removedBy() != null) {
        g.writeStringField("removed_by", p.removedBy());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("privilege_escalation");
    for (PrivescMatch m : inv.privesc()) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeStringField("method", m.method());
      g.writeStringField("category", m.category());
      Json.strings(g, "events", m.events());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("response");
    for (ResponseAction a : inv.response()) {
      g.writeStartObject();
      g.writeStringField("action", a.action());
      g.writeStringField("target", a.target());
      g.writeStringField("reason", a.reason());
      g.writeStringField("command", a.command());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (withTimeline) {
      Json.strings(g, "evidence", inv.evidence());
    } else {
      g.writeNumberField("evidence_count", inv.evidence().size());
      Json.strings(
          g,
          "evidence",
          inv.evidence().subList(0, Math.min(inv.evidence().size(), MAX_EVIDENCE_IN_INCIDENTS)));
    }
    if (withTimeline) {
      g.writeArrayFieldStart("timeline");
      for (Step s : t.steps()) {
        step(g, s);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void step(JsonGenerator g, Step s) throws IOException {
    g.writeStartObject();
    g.writeStringField("time", s.time().toString());
    g.writeStringField("event_id", s.eventId());
    g.writeStringField("account", s.account());
    g.writeStringField("region", s.region());
    g.writeStringField("service", s.service());
    g.writeStringField("api", s.api());
    g.writeStringField("principal", s.principal());
    g.writeStringField("access_key_id", s.accessKeyId());
    g.writeStringField("source_ip", s.ip());
    g.writeStringField("user_agent", s.userAgent());
    if (s.errorCode() != null) {
      g.writeStringField("error_code", s.errorCode());
    }
    g.writeStringField("tactic", s.tactic());
    g.writeStringField("technique", s.technique());
    Json.strings(g, "resources", s.resources());
    if (s.bytesOut() > 0) {
      g.writeNumberField("bytes_out", s.bytesOut());
    }
    if (!s.rules().isEmpty()) {
      Json.strings(g, "rules", s.rules());
    }
    g.writeEndObject();
  }
}
