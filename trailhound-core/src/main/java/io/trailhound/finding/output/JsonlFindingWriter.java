package io.trailhound.finding.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One finding per line, in Trailhound's own schema ({@code "schema":"trailhound.finding/v1"}). The
 * field names here are a public contract other tools rely on: add fields, never rename.
 */
public final class JsonlFindingWriter implements FindingWriter {

  public static final String SCHEMA = "trailhound.finding/v1";

  @Override
  public void write(List<Finding> findings, Writer out) throws IOException {
    Json.lines(findings, out, JsonlFindingWriter::writeOne);
  }

  static void writeOne(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeStringField("id", f.id());
    g.writeStringField("rule_id", f.rule().ruleId());
    g.writeStringField("rule_name", f.rule().name());
    g.writeStringField("reported_by", f.rule().reportedBy());
    g.writeStringField("title", f.title());
    g.writeStringField("description", f.rule().description());
    g.writeStringField("explanation", f.explanation());
    g.writeStringField("severity", f.severity().label());
    Json.strings(g, "types", f.rule().types());
    Json.strings(g, "attack", f.rule().techniques());
    Json.strings(g, "tactics", f.rule().tactics());
    Json.stringOrNull(g, "account", f.account());
    Json.stringOrNull(g, "region", f.region());
    g.writeStringField("actor", f.actor());
    Json.stringOrNull(g, "actor_type", f.actorType());
    Json.strings(g, "access_key_ids", f.accessKeyIds());
    Json.strings(g, "source_ips", f.sourceIps());
    Json.resources(g, "resources", f.resources());
    Json.time(g, "first_seen", f.firstSeen());
    Json.time(g, "last_seen", f.lastSeen());
    g.writeNumberField("event_count", f.eventCount());
    Json.strings(g, "evidence", f.evidence());
    g.writeBooleanField("evidence_truncated", f.evidenceTruncated());
    g.writeStringField("dedup_key", f.dedupKey());
    g.writeEndObject();
  }
}
