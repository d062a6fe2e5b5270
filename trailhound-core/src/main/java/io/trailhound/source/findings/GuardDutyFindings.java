package io.trailhound.source.findings;

import static io.trailhound.source.JsonRecord.member;
import static io.trailhound.source.JsonRecord.path;
import static io.trailhound.source.JsonRecord.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Origin;
import io.trailhound.event.Resource;
import io.trailhound.source.JsonRecord;
import io.trailhound.source.RecordRejected;
import io.trailhound.source.SkipReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one GuardDuty finding: as {@code aws guardduty get-findings} returns it (PascalCase
 * members) or as EventBridge and the console's export write it (camelCase); member names are
 * matched in either case.
 *
 * <p>Required: {@code Id}, {@code Type} and one of {@code CreatedAt}/{@code UpdatedAt}; a {@code
 * Severity} that is not a number is {@code WRONG_TYPE}. The actor and key come from {@code
 * Resource.AccessKeyDetails}; addresses from the remote IP details of every action kind ({@code
 * AwsApiCallAction}, {@code NetworkConnectionAction}, {@code KubernetesApiCallAction}, {@code
 * RdsLoginAttemptAction}, {@code PortProbeAction.PortProbeDetails[]}); resources from the resource
 * details (instance, buckets, access key owner, EKS cluster, Lambda function, RDS instance).
 */
public final class GuardDutyFindings {

  public static final String PROVIDER = "guardduty";

  private static final String[] MARKERS = {
    "Type", "type", "Resource", "resource", "Service", "service", "Arn", "arn"
  };

  private static final List<String> ACTIONS =
      List.of(
          "AwsApiCallAction",
          "NetworkConnectionAction",
          "KubernetesApiCallAction",
          "RdsLoginAttemptAction");

  private GuardDutyFindings() {}

  /**
   * Whether an object with these member names is a GuardDuty finding: a schema version or account
   * id with two of {@code Type}, {@code Resource}, {@code Service}, {@code Arn} (either case), and
   * no {@code ProductArn} (that is ASFF).
   */
  public static boolean looksLike(Set<String> names) {
    if (names.contains("ProductArn")) {
      return false;
    }
    boolean anchor =
        names.contains("SchemaVersion")
            || names.contains("schemaVersion")
            || names.contains("AccountId")
            || names.contains("accountId");
    return anchor && JsonRecord.hasAtLeast(names, 2, MARKERS);
  }

  /** The finding. */
  public static ExternalFinding read(JsonNode f, Origin origin) throws RecordRejected {
    String id = requiredText(f, "Id");
    String type = requiredText(f, "Type");
    Instant created =
        JsonRecord.eitherTime(
            member(f, "CreatedAt"), "CreatedAt", member(f, "UpdatedAt"), "UpdatedAt");
    Instant updated = time(f, "UpdatedAt");
    JsonNode severity = member(f, "Severity");
    if (severity != null && !severity.isNumber() && JsonRecord.number(severity) == null) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, "Severity is not a number");
    }
    JsonNode service = member(f, "Service");
    Instant first = time(service, "EventFirstSeen");
    Instant last = time(service, "EventLastSeen");
    Double score = JsonRecord.number(severity);
    String account = text(member(f, "AccountId"));
    String region = text(member(f, "Region"));
    JsonNode resource = member(f, "Resource");
    JsonNode key = member(resource, "AccessKeyDetails");
    String user = text(member(key, "UserName"));
    Boolean archived = JsonRecord.bool(member(service, "Archived"));
    String keyId = text(member(key, "AccessKeyId"));
    Double count = JsonRecord.number(member(service, "Count"));
    return new ExternalFinding(
        PROVIDER,
        "GuardDuty",
        id,
        type,
        List.of(type),
        text(member(f, "Title")),
        text(member(f, "Description")),
        score == null ? ExternalFinding.Level.MEDIUM : ExternalFinding.Level.ofGuardDuty(score),
        text(severity),
        !Boolean.TRUE.equals(archived),
        account,
        region,
        first != null ? first : created,
        last != null ? last : updated,
        count == null ? 1 : count.longValue(),
        user != null ? user : text(member(key, "PrincipalId")),
        text(member(key, "UserType")),
        keyId == null ? List.of() : List.of(keyId),
        ips(service),
        text(path(service, "Action.AwsApiCallAction.Api")),
        resources(resource, account, region),
        origin);
  }

  private static String requiredText(JsonNode f, String name) throws RecordRejected {
    JsonNode v = member(f, name);
    if (v == null) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, name + " is missing");
    }
    if (!v.isTextual()) {
      throw new RecordRejected(SkipReason.WRONG_TYPE, name + " is not a string");
    }
    if (v.textValue().isBlank()) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, name + " is empty");
    }
    return v.textValue();
  }

  /** An optional time; one that does not parse reads as absent. */
  private static Instant time(JsonNode node, String name) {
    return JsonRecord.time(text(member(node, name)));
  }

  private static List<String> ips(JsonNode service) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode action = member(service, "Action");
    for (String kind : ACTIONS) {
      JsonNode remote = path(action, kind + ".RemoteIpDetails");
      add(out, text(member(remote, "IpAddressV4")));
      add(out, text(member(remote, "IpAddressV6")));
    }
    for (JsonNode probe : JsonRecord.elements(path(action, "PortProbeAction.PortProbeDetails"))) {
      add(out, text(path(probe, "RemoteIpDetails.IpAddressV4")));
    }
    return new ArrayList<>(out);
  }

  private static List<Resource> resources(JsonNode r, String account, String region) {
    List<Resource> out = new ArrayList<>();
    String partition = "aws";
    String instance = text(path(r, "InstanceDetails.InstanceId"));
    if (instance != null) {
      out.add(
          new Resource(
              "arn:" + partition + ":ec2:" + region + ":" + account + ":instance/" + instance,
              "AWS::EC2::Instance",
              account));
    }
    for (JsonNode bucket : JsonRecord.elements(member(r, "S3BucketDetails"))) {
      String arn = text(member(bucket, "Arn"));
      if (arn == null && text(member(bucket, "Name")) != null) {
        arn = "arn:aws:s3:::" + text(member(bucket, "Name"));
      }
      if (arn != null) {
        out.add(new Resource(arn, "AWS::S3::Bucket", account));
      }
    }
    JsonNode key = member(r, "AccessKeyDetails");
    String user = text(member(key, "UserName"));
    if (user != null && "IAMUser".equals(text(member(key, "UserType")))) {
      out.add(new Resource("arn:aws:iam::" + account + ":user/" + user, "AWS::IAM::User", account));
    } else if (user != null && "AssumedRole".equals(text(member(key, "UserType")))) {
      out.add(new Resource("arn:aws:iam::" + account + ":role/" + user, "AWS::IAM::Role", account));
    }
    add(out, text(path(r, "EksClusterDetails.Arn")), "AWS::EKS::Cluster", account);
    add(out, text(path(r, "LambdaDetails.FunctionArn")), "AWS::Lambda::Function", account);
    add(out, text(path(r, "RdsDbInstanceDetails.DbInstanceArn")), "AWS::RDS::DBInstance", account);
    return out;
  }

  private static void add(List<Resource> out, String arn, String type, String account) {
    if (arn != null) {
      out.add(new Resource(arn, type, account));
    }
  }

  private static void add(Set<String> out, String value) {
    if (value != null) {
      out.add(value);
    }
  }
}
