package io.trailhound.finding.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.event.Resource;
import io.trailhound.finding.AttackTag;
import io.trailhound.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Security Finding Format: a JSON array that {@code aws securityhub batch-import-findings
 * --findings file://...} accepts (in slices of at most 100, the API's limit). Findings are
 * attributed to a private integration of the finding's own account ({@code
 * product/<account>/default}).
 */
public final class AsffFindingWriter implements FindingWriter {

  static final String SCHEMA_VERSION = "2018-10-08";
  private static final String UNKNOWN_ACCOUNT = "000000000000";
  private static final int MAX_TITLE = 256;
  private static final int MAX_DESCRIPTION = 1024;

  private final Clock clock;

  public AsffFindingWriter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void write(List<Finding> findings, Writer out) throws IOException {
    String now = Instant.now(clock).toString();
    try (JsonGenerator g = Json.generator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (Finding f : findings) {
        writeOne(g, f, now);
      }
      g.writeEndArray();
    }
    out.write('\n');
  }

  private static void writeOne(JsonGenerator g, Finding f, String now) throws IOException {
    String account = f.account() == null ? UNKNOWN_ACCOUNT : f.account();
    String region = f.region() == null ? "us-east-1" : f.region();
    g.writeStartObject();
    g.writeStringField("SchemaVersion", SCHEMA_VERSION);
    g.writeStringField("Id", "trailhound/" + f.id());
    g.writeStringField(
        "ProductArn",
        "arn:aws:securityhub:" + region + ":" + account + ":product/" + account + "/default");
    g.writeStringField("ProductName", "Trailhound");
    g.writeStringField("CompanyName", "Trailhound");
    g.writeStringField("GeneratorId", "trailhound/" + f.rule().ruleId());
    g.writeStringField("AwsAccountId", account);
    g.writeStringField("Region", region);
    Json.strings(g, "Types", types(f));
    g.writeStringField("CreatedAt", now);
    g.writeStringField("UpdatedAt", now);
    Json.time(g, "FirstObservedAt", f.firstSeen());
    Json.time(g, "LastObservedAt", f.lastSeen());
    g.writeObjectFieldStart("Severity");
    g.writeStringField("Label", f.severity().asffLabel());
    g.writeNumberField("Normalized", f.severity().asffNormalized());
    g.writeStringField("Original", f.severity().label());
    g.writeEndObject();
    g.writeStringField("Title", cap(f.title(), MAX_TITLE));
    String description = f.rule().description().isBlank() ? f.title() : f.rule().description();
    if (!f.explanation().isEmpty()) {
      description = f.explanation() + " — " + description;
    }
    g.writeStringField("Description", cap(description, MAX_DESCRIPTION));
    g.writeObjectFieldStart("ProductFields");
    g.writeStringField("trailhound/RuleName", f.rule().name());
    g.writeStringField("trailhound/Actor", f.actor());
    g.writeStringField("trailhound/EventCount", Long.toString(f.eventCount()));
    g.writeStringField("trailhound/Evidence", cap(String.join(",", f.evidence()), 2048));
    if (!f.rule().techniques().isEmpty()) {
      g.writeStringField("trailhound/Attack", String.join(",", f.rule().techniques()));
    }
    g.writeEndObject();
    resources(g, f, account, region);
    g.writeObjectFieldStart("Workflow");
    g.writeStringField("Status", "NEW");
    g.writeEndObject();
    g.writeStringField("RecordState", "ACTIVE");
    g.writeEndObject();
  }

  static List<String> types(Finding f) {
    List<String> out = new ArrayList<>();
    String tactic =
        f.rule().tactics().isEmpty() ? null : AttackTag.tacticTitle(f.rule().tactics().get(0));
    String prefix = tactic == null ? "Unusual Behaviors/User" : "TTPs/" + tactic;
    for (String type : f.rule().types()) {
      out.add(prefix + "/" + type.replace('/', '-'));
    }
    if (out.isEmpty()) {
      out.add(prefix);
    }
    return out;
  }

  private static void resources(JsonGenerator g, Finding f, String account, String region)
      throws IOException {
    g.writeArrayFieldStart("Resources");
    int written = 0;
    for (String key : f.accessKeyIds()) {
      resource(g, "AwsIamAccessKey", key, region);
      written++;
    }
    for (Resource r : f.resources()) {
      resource(g, asffType(r.type()), r.arn(), region);
      written++;
    }
    if (written == 0) {
      resource(g, "AwsAccount", "AWS::::Account:" + account, region);
    }
    g.writeEndArray();
  }

  private static void resource(JsonGenerator g, String type, String id, String region)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("Type", type);
    g.writeStringField("Id", id);
    g.writeStringField("Partition", "aws");
    g.writeStringField("Region", region);
    g.writeEndObject();
  }

  /** CloudFormation-style {@code AWS::IAM::Role} becomes ASFF's {@code AwsIamRole}. */
  static String asffType(String cfnType) {
    if (cfnType == null || !cfnType.startsWith("AWS::")) {
      return "Other";
    }
    StringBuilder b = new StringBuilder("Aws");
    for (String part : cfnType.substring(5).split("::")) {
      if (part.isEmpty()) {
        continue;
      }
      b.append(Character.toUpperCase(part.charAt(0)));
      String rest = part.substring(1);
      boolean allUpper = rest.equals(rest.toUpperCase(java.util.Locale.ROOT));
      b.append(allUpper ? rest.toLowerCase(java.util.Locale.ROOT) : rest);
    }
    return b.toString();
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
