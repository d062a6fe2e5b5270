package io.trailhound.investigate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footholds in an actor's successful calls, and whether a later call removed each before the end of
 * the data.
 */
final class PersistenceFinder {

  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):");
  private static final Pattern BARE_ACCOUNT = Pattern.compile("\"(\\d{12})\"");
  private static final Pattern ANY_PRINCIPAL =
      Pattern.compile("\"Principal\"\\s*:\\s*(\"\\*\"|\\{\\s*\"AWS\"\\s*:\\s*\"\\*\")");

  /** What removes each kind of foothold. */
  private static final Map<String, Set<String>> REMOVED_BY =
      Map.of(
          "iam-user", Set.of("DeleteUser"),
          "access-key", Set.of("DeleteAccessKey", "UpdateAccessKey", "DeleteUser"),
          "login-profile", Set.of("DeleteLoginProfile", "DeleteUser"),
          "role-trust", Set.of("DeleteRole", "UpdateAssumeRolePolicy"),
          "policy-version",
              Set.of("DeletePolicyVersion", "DeletePolicy", "SetDefaultPolicyVersion"),
          "permission-grant",
              Set.of(
                  "DetachUserPolicy",
                  "DeleteUserPolicy",
                  "DetachRolePolicy",
                  "DeleteRolePolicy",
                  "DetachGroupPolicy",
                  "DeleteGroupPolicy",
                  "RemoveUserFromGroup",
                  "DeleteUser",
                  "DeleteRole"),
          "lambda", Set.of("DeleteFunction", "RemovePermission"),
          "instance-user-data", Set.of("TerminateInstances"),
          "identity-provider", Set.of("DeleteSAMLProvider", "DeleteOpenIDConnectProvider"));

  private final EventLookup lookup;

  PersistenceFinder(EventLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * One item per foothold (kind and target), from its earliest event; present unless a removal
   * follows its latest (re)creation.
   */
  List<Persistence> find(List<EventRecord> events) {
    java.util.Map<String, EventRecord[]> events2 = new java.util.LinkedHashMap<>();
    java.util.Map<String, Candidate[]> candidates = new java.util.HashMap<>();
    for (EventRecord e : events) {
      if (e.failed()) {
        continue;
      }
      Candidate c = candidate(e);
      if (c == null) {
        continue;
      }
      String id = c.kind + " " + c.target;
      EventRecord[] firstLast = events2.computeIfAbsent(id, k -> new EventRecord[] {e, e});
      firstLast[1] = e;
      Candidate[] cs = candidates.computeIfAbsent(id, k -> new Candidate[] {c, c});
      cs[1] = c;
    }
    List<Persistence> out = new ArrayList<>();
    for (var entry : events2.entrySet()) {
      EventRecord first = entry.getValue()[0];
      EventRecord last = entry.getValue()[1];
      Candidate c = candidates.get(entry.getKey())[0];
      String removedBy = removal(candidates.get(entry.getKey())[1], last);
      out.add(
          new Persistence(
              c.kind, c.target, c.detail, first.id(), first.time(), removedBy == null, removedBy));
    }
    return out;
  }

  private record Candidate(String kind, String target, String resource, String detail) {}

  /** The APIs {@link #candidate} looks at: every other call is passed over at once. */
  private static final java.util.Set<String> CANDIDATE_APIS =
      java.util.Set.of(
          "CreateUser",
          "CreateAccessKey",
          "CreateLoginProfile",
          "UpdateLoginProfile",
          "CreateRole",
          "UpdateAssumeRolePolicy",
          "CreatePolicyVersion",
          "SetDefaultPolicyVersion",
          "AttachUserPolicy",
          "AttachRolePolicy",
          "AttachGroupPolicy",
          "PutUserPolicy",
          "PutRolePolicy",
          "PutGroupPolicy",
          "AddUserToGroup",
          "CreateFunction",
          "UpdateFunctionCode",
          "AddPermission",
          "ModifyInstanceAttribute",
          "CreateSAMLProvider",
          "UpdateSAMLProvider",
          "CreateOpenIDConnectProvider",
          "CreateTrustAnchor");

  private static Candidate candidate(EventRecord e) {
    String api = PrivescCatalog.baseApi(e.api());
    if (!CANDIDATE_APIS.contains(api)) {
      return null;
    }
    String iam = "arn:aws:iam::" + e.account() + ":";
    String user = e.field("requestParameters.userName");
    String role = e.field("requestParameters.roleName");
    return switch (api) {
      case "CreateUser" ->
          user == null
              ? null
              : new Candidate(
                  "iam-user", iam + "user/" + user, iam + "user/" + user, "new IAM user");
      case "CreateAccessKey" -> {
        String key = e.field(EventRecord.CREATED_KEY);
        String owner = e.field("responseElements.accessKey.userName");
        owner = owner != null ? owner : user;
        yield new Candidate(
            "access-key",
            key == null ? "key of " + owner : key,
            key == null ? iam + "user/" + owner : "access-key:" + key,
            "long-term key for " + (owner == null ? "the caller" : owner));
      }
      case "CreateLoginProfile", "UpdateLoginProfile" ->
          user == null
              ? null
              : new Candidate(
                  "login-profile",
                  iam + "user/" + user,
                  iam + "user/" + user,
                  api.equals("CreateLoginProfile")
                      ? "console password set"
                      : "console password changed");
      case "CreateRole", "UpdateAssumeRolePolicy" -> {
        String doc =
            api.equals("CreateRole")
                ? e.field("requestParameters.assumeRolePolicyDocument")
                : e.field("requestParameters.policyDocument");
        String outside = outsidePrincipals(doc, e.account());
        if (api.equals("CreateRole") && outside.isEmpty()) {
          yield null;
        }
        yield role == null
            ? null
            : new Candidate(
                "role-trust",
                iam + "role/" + role,
                iam + "role/" + role,
                outside.isEmpty() ? "trust policy changed" : "trusts " + outside);
      }
      case "CreatePolicyVersion", "SetDefaultPolicyVersion" -> {
        String policy = e.field("requestParameters.policyArn");
        yield policy == null ? null : new Candidate("policy-version", policy, policy, api);
      }
      case "AttachUserPolicy",
          "AttachRolePolicy",
          "AttachGroupPolicy",
          "PutUserPolicy",
          "PutRolePolicy",
          "PutGroupPolicy",
          "AddUserToGroup" -> {
        String principal =
            user != null
                ? iam + "user/" + user
                : role != null
                    ? iam + "role/" + role
                    : iam + "group/" + e.field("requestParameters.groupName");
        String what =
            e.field("requestParameters.policyArn") != null
                ? e.field("requestParameters.policyArn")
                : e.field("requestParameters.policyName") != null
                    ? "inline " + e.field("requestParameters.policyName")
                    : "group " + e.field("requestParameters.groupName");
        yield new Candidate("permission-grant", principal, principal, api + " " + what);
      }
      case "CreateFunction", "UpdateFunctionCode", "AddPermission" -> {
        String fn = e.field("requestParameters.functionName");
        if (fn == null) {
          yield null;
        }
        String arn =
            fn.startsWith("arn:")
                ? fn
                : "arn:aws:lambda:" + e.region() + ":" + e.account() + ":function:" + fn;
        String principal = e.field("requestParameters.principal");
        yield new Candidate(
            "lambda", arn, arn, api + (principal == null ? "" : " for " + principal));
      }
      case "ModifyInstanceAttribute" -> {
        String instance = e.field("requestParameters.instanceId");
        boolean userData =
            e.field("requestParameters.userData") != null
                || "userData".equals(e.field("requestParameters.attribute"));
        if (!userData || instance == null) {
          yield null;
        }
        String arn = "arn:aws:ec2:" + e.region() + ":" + e.account() + ":instance/" + instance;
        yield new Candidate("instance-user-data", arn, arn, "user data replaced");
      }
      case "CreateSAMLProvider", "UpdateSAMLProvider", "CreateOpenIDConnectProvider" -> {
        String name =
            e.field("requestParameters.sAMLProviderArn") != null
                ? e.field("requestParameters.sAMLProviderArn")
                : e.field("requestParameters.name") != null
                    ? iam + "saml-provider/" + e.field("requestParameters.name")
                    : e.field("requestParameters.url");
        yield name == null ? null : new Candidate("identity-provider", name, name, api);
      }
      case "CreateTrustAnchor" -> {
        // IAM Roles Anywhere: whoever holds a certificate of this CA can now get role sessions.
        String name = e.field("requestParameters.name");
        String arn =
            "arn:aws:rolesanywhere:" + e.region() + ":" + e.account() + ":trust-anchor/" + name;
        yield name == null ? null : new Candidate("identity-provider", arn, arn, api);
      }
      default -> null;
    };
  }

  /** Accounts other than {@code own} trusted by a policy document, or {@code *}. */
  static String outsidePrincipals(String doc, String own) {
    if (doc == null) {
      return "";
    }
    java.util.Set<String> outside = new java.util.TreeSet<>();
    Matcher m = ACCOUNT_IN_ARN.matcher(doc);
    while (m.find()) {
      if (!m.group(1).equals(own)) {
        outside.add(m.group(1));
      }
    }
    m = BARE_ACCOUNT.matcher(doc);
    while (m.find()) {
      if (!m.group(1).equals(own)) {
        outside.add(m.group(1));
      }
    }
    if (ANY_PRINCIPAL.matcher(doc).find()) {
      outside.add("*");
    }
    return String.join(", ", outside);
  }

  private String removal(Candidate c, EventRecord created) {
    Set<String> removers = REMOVED_BY.getOrDefault(c.kind, Set.of());
    for (EventRecord later : lookup.byResource(c.resource, created.time(), null, removers)) {
      if (later.failed()
          || later.id().equals(created.id())
          || !later.time().isAfter(created.time())) {
        continue;
      }
      String api = PrivescCatalog.baseApi(later.api());
      if (!removers.contains(api)) {
        continue;
      }
      if (api.equals("UpdateAccessKey")
          && !"Inactive".equals(later.field("requestParameters.status"))) {
        continue;
      }
      if (api.equals("UpdateAssumeRolePolicy")
          && !outsidePrincipals(later.field("requestParameters.policyDocument"), later.account())
              .isEmpty()) {
        continue;
      }
      return later.id();
    }
    return null;
  }
}
