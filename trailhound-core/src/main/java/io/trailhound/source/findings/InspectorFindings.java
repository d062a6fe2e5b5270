package io.trailhound.source.findings;

import static io.trailhound.source.JsonRecord.at;
import static io.trailhound.source.JsonRecord.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Origin;
import io.trailhound.event.Resource;
import io.trailhound.source.JsonRecord;
import io.trailhound.source.RecordRejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one Amazon Inspector finding as {@code aws inspector2 list-findings} returns it ({@code
 * {"findings":[...]}}, camelCase).
 *
 * <p>Required: {@code findingArn} and {@code firstObservedAt} (or {@code updatedAt}). The type is
 * the vulnerability id ({@code CVE-...}) for package and code vulnerabilities, else the finding
 * type ({@code NETWORK_REACHABILITY}); severity is the {@code severity} label ({@code UNTRIAGED} is
 * info); {@code status} other than {@code ACTIVE} is not active.
 */
public final class InspectorFindings {

  public static final String PROVIDER = "inspector";

  private InspectorFindings() {}

  /** Whether an object with these member names is an Inspector finding. */
  public static boolean looksLike(Set<String> names) {
    return names.contains("findingArn")
        || names.contains("awsAccountId")
            && JsonRecord.hasAtLeast(names, 2, "inspectorScore", "resources", "severity", "type");
  }

  /** The finding. */
  public static ExternalFinding read(JsonNode f, Origin origin) throws RecordRejected {
    String arn = JsonRecord.required(f, "findingArn");
    JsonRecord.arrayOrAbsent(f, "resources");
    Instant first =
        JsonRecord.eitherTime(
            at(f, "firstObservedAt"), "firstObservedAt", at(f, "updatedAt"), "updatedAt");
    Instant updated = time(f, "updatedAt");
    Instant last = time(f, "lastObservedAt");
    String type = text(f, "type");
    String vulnerability = text(f, "packageVulnerabilityDetails.vulnerabilityId");
    String account = text(f, "awsAccountId");
    List<Resource> resources = new ArrayList<>();
    String region = null;
    for (JsonNode r : JsonRecord.elements(at(f, "resources"))) {
      if (text(r, "id") != null) {
        resources.add(new Resource(text(r, "id"), text(r, "type"), account));
        region = region != null ? region : text(r, "region");
      }
    }
    if (region == null && arn.split(":").length > 3) {
      region = arn.split(":")[3];
    }
    String severity = text(f, "severity");
    ExternalFinding.Level level = ExternalFinding.Level.ofLabel(severity);
    String status = text(f, "status");
    return new ExternalFinding(
        PROVIDER,
        "Inspector",
        arn,
        vulnerability != null ? vulnerability : type != null ? type : "INSPECTOR_FINDING",
        type == null ? List.of() : List.of(type),
        text(f, "title"),
        text(f, "description"),
        level == null ? ExternalFinding.Level.MEDIUM : level,
        severity,
        status == null || "ACTIVE".equals(status),
        account,
        region,
        first,
        last != null ? last : updated,
        1,
        null,
        null,
        List.of(),
        List.of(),
        null,
        resources,
        origin);
  }

  /** An optional time; one that does not parse reads as absent. */
  private static Instant time(JsonNode f, String name) {
    return JsonRecord.time(text(f, name));
  }
}
