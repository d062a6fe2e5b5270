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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one AWS Security Finding Format finding: Security Hub's {@code get-findings} output, a
 * {@code batch-import-findings} payload, its EventBridge events ({@code Security Hub Findings -
 * Imported}) and product exports.
 *
 * <p>Required: {@code Id}, {@code GeneratorId} (the rule, control or detector: it becomes the
 * finding's type) and one of {@code UpdatedAt}/{@code CreatedAt}, as strings. Severity is {@code
 * Severity.Label}, else {@code Normalized}, else {@code Product} (as a 0–100 score), else medium.
 * Not active: {@code RecordState ARCHIVED}, {@code Workflow.Status} {@code RESOLVED} or {@code
 * SUPPRESSED}, {@code Compliance.Status PASSED}. Actor and key come from {@code AwsIamAccessKey}
 * resources; addresses from {@code Network.SourceIpV4}, {@code Action.*.RemoteIpDetails} and
 * GuardDuty's {@code ProductFields} ({@code .../remoteIpDetails/ipAddressV4}).
 */
public final class AsffFindings {

  public static final String PROVIDER = "securityhub";

  private AsffFindings() {}

  /** Whether an object with these member names is an ASFF finding. */
  public static boolean looksLike(Set<String> names) {
    return names.contains("ProductArn")
        || names.contains("GeneratorId") && JsonRecord.hasAtLeast(names, 1, "SchemaVersion", "Id");
  }

  /** The finding. */
  public static ExternalFinding read(JsonNode f, Origin origin) throws RecordRejected {
    String id = JsonRecord.required(f, "Id");
    String generator = JsonRecord.required(f, "GeneratorId");
    JsonRecord.arrayOrAbsent(f, "Resources");
    JsonRecord.arrayOrAbsent(f, "Types");
    JsonRecord.objectOrAbsent(f, "Severity");
    Instant created =
        JsonRecord.eitherTime(at(f, "CreatedAt"), "CreatedAt", at(f, "UpdatedAt"), "UpdatedAt");
    Instant updated = time(f, "UpdatedAt");
    Instant first = time(f, "FirstObservedAt");
    Instant last = time(f, "LastObservedAt");
    String account = text(f, "AwsAccountId");
    String productArn = text(f, "ProductArn");
    String region = text(f, "Region");
    if (region == null && productArn != null && productArn.split(":").length > 3) {
      region = productArn.split(":")[3];
    }
    List<String> types = new ArrayList<>();
    for (JsonNode t : JsonRecord.elements(at(f, "Types"))) {
      if (text(t) != null) {
        types.add(text(t));
      }
    }
    String actor = null;
    String actorType = null;
    Set<String> keys = new LinkedHashSet<>();
    List<Resource> resources = new ArrayList<>();
    for (JsonNode r : JsonRecord.elements(at(f, "Resources"))) {
      String rid = text(r, "Id");
      String rtype = text(r, "Type");
      if (rid != null) {
        resources.add(new Resource(rid, rtype, account));
      }
      JsonNode key = at(r, "Details.AwsIamAccessKey");
      if (key != null) {
        actor = actor != null ? actor : firstOf(text(key, "PrincipalName"), text(key, "UserName"));
        actorType = actorType != null ? actorType : text(key, "PrincipalType");
        String keyId = firstOf(text(key, "AccessKeyId"), keyFromId(rid));
        if (keyId != null) {
          keys.add(keyId);
        }
      }
    }
    return new ExternalFinding(
        PROVIDER,
        product(f, productArn),
        id,
        generator,
        types,
        text(f, "Title"),
        text(f, "Description"),
        level(f),
        firstOf(text(f, "Severity.Original"), text(f, "Severity.Label")),
        active(f),
        account,
        region,
        first != null ? first : created,
        last != null ? last : updated,
        1,
        actor,
        actorType,
        new ArrayList<>(keys),
        ips(f),
        text(f, "Action.AwsApiCallAction.Api"),
        resources,
        origin);
  }

  /** An optional time; one that does not parse reads as absent. */
  private static Instant time(JsonNode f, String name) {
    return JsonRecord.time(text(f, name));
  }

  private static ExternalFinding.Level level(JsonNode f) {
    ExternalFinding.Level label = ExternalFinding.Level.ofLabel(text(f, "Severity.Label"));
    if (label != null) {
      return label;
    }
    Double normalized = JsonRecord.number(at(f, "Severity.Normalized"));
    if (normalized == null) {
      normalized = JsonRecord.number(at(f, "Severity.Product"));
    }
    return normalized == null
        ? ExternalFinding.Level.MEDIUM
        : ExternalFinding.Level.ofNormalized(normalized);
  }

  private static boolean active(JsonNode f) {
    String state = upper(text(f, "RecordState"));
    String workflow = upper(firstOf(text(f, "Workflow.Status"), text(f, "WorkflowState")));
    String compliance = upper(text(f, "Compliance.Status"));
    return !"ARCHIVED".equals(state)
        && !"RESOLVED".equals(workflow)
        && !"SUPPRESSED".equals(workflow)
        && !"PASSED".equals(compliance);
  }

  private static String product(JsonNode f, String productArn) {
    JsonNode fields = at(f, "ProductFields");
    String name =
        firstOf(
            text(f, "ProductName"),
            firstOf(text(fields, "aws/securityhub/ProductName"), text(fields, "ProviderName")));
    if (name == null && productArn != null && productArn.lastIndexOf('/') > 0) {
      name = productArn.substring(productArn.lastIndexOf('/') + 1);
    }
    return name;
  }

  private static List<String> ips(JsonNode f) {
    Set<String> out = new LinkedHashSet<>();
    add(out, text(f, "Network.SourceIpV4"));
    add(out, text(f, "Network.SourceIpV6"));
    for (String kind : List.of("AwsApiCallAction", "NetworkConnectionAction")) {
      add(out, text(f, "Action." + kind + ".RemoteIpDetails.IpAddressV4"));
    }
    JsonNode fields = at(f, "ProductFields");
    if (fields != null && fields.isObject()) {
      for (Map.Entry<String, JsonNode> e : fields.properties()) {
        if (e.getKey().toLowerCase(Locale.ROOT).endsWith("remoteipdetails/ipaddressv4")) {
          add(out, text(e.getValue()));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** {@code AWS::IAM::AccessKey:AKIA...} as GuardDuty names key resources in ASFF. */
  private static String keyFromId(String id) {
    if (id == null) {
      return null;
    }
    String tail = id.substring(id.lastIndexOf(':') + 1);
    return tail.startsWith("AKIA") || tail.startsWith("ASIA") ? tail : null;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static void add(Set<String> out, String value) {
    if (value != null) {
      out.add(value);
    }
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }
}
