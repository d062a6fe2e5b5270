package io.trailhound.investigate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The response an analyst would plan for a verdict: contain the credentials, remove the footholds.
 */
final class ResponsePlanner {

  private ResponsePlanner() {}

  static List<ResponseAction> plan(
      Verdict verdict, ResolvedActor actor, Footprint footprint, List<Persistence> persistence) {
    if (verdict.kind() == Verdict.Kind.BENIGN_EXPLAINED) {
      return List.of();
    }
    List<ResponseAction> out = new ArrayList<>();
    Set<String> roles = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>(footprint.keys);
    keys.addAll(footprint.derivedKeys);
    for (EventRecord e : footprint.events) {
      if (e.accessKeyId() != null
          && e.accessKeyId().startsWith("ASIA")
          && e.issuerArn() != null
          && e.issuerArn().contains(":role/")) {
        roles.add(e.issuerArn());
      }
    }
    if (actor.root()) {
      out.add(
          new ResponseAction(
              "secure-root",
              actor.principal(),
              "root credentials were used by the actor",
              "reset the root password, enable MFA on root, delete any root access keys"));
    }
    Set<String> people = new LinkedHashSet<>();
    for (EventRecord e : footprint.events) {
      String person = IdentityBridge.person(e);
      if (IdentityBridge.fromIdentityProvider(e) && person != null && !e.failed()) {
        people.add(e.sourceType().equals("okta") ? "okta " + person : "entra " + person);
      }
    }
    for (String p : people) {
      boolean okta = p.startsWith("okta ");
      String person = p.substring(p.indexOf(' ') + 1);
      out.add(
          new ResponseAction(
              "reset-identity-provider-user",
              person,
              (okta ? "Okta" : "Entra ID") + " account used by the actor",
              okta
                  ? "clear the user's Okta sessions (DELETE /api/v1/users/<id>/sessions), reset"
                      + " the password and re-enrol MFA factors"
                  : "revoke the user's Entra ID sessions (revokeSignInSessions), reset the password,"
                      + " re-register MFA and remove inbox rules the actor created"));
    }
    for (Persistence p : persistence) {
      if (p.kind().equals("access-key") && !p.stillPresent()) {
        keys.remove(p.target());
      }
    }
    for (String key : keys) {
      if (key.startsWith("AKIA")) {
        String user = userOf(footprint, key);
        out.add(
            new ResponseAction(
                "disable-access-key",
                key,
                "long-term key used by the actor",
                "aws iam update-access-key --access-key-id "
                    + key
                    + (user == null ? "" : " --user-name " + user)
                    + " --status Inactive"));
      }
    }
    for (String role : roles) {
      String name = role.substring(role.lastIndexOf('/') + 1);
      out.add(
          new ResponseAction(
              "revoke-role-sessions",
              role,
              "temporary credentials of this role were used by the actor",
              "aws iam put-role-policy --role-name "
                  + name
                  + " --policy-name AWSRevokeOlderSessions --policy-document <deny all when"
                  + " aws:TokenIssueTime is before now>"));
    }
    for (Persistence p : persistence) {
      if (!p.stillPresent()) {
        continue;
      }
      out.add(
          switch (p.kind()) {
            case "iam-user" ->
                new ResponseAction(
                    "delete-user",
                    p.target(),
                    "user created by the actor",
                    "aws iam delete-user --user-name "
                        + tail(p.target())
                        + " (after removing its keys, password and policies)");
            case "access-key" ->
                new ResponseAction(
                    "delete-access-key",
                    p.target(),
                    "key created by the actor",
                    "aws iam delete-access-key --access-key-id " + p.target());
            case "login-profile" ->
                new ResponseAction(
                    "delete-login-profile",
                    p.target(),
                    "console password set by the actor",
                    "aws iam delete-login-profile --user-name " + tail(p.target()));
            case "role-trust" ->
                new ResponseAction(
                    "restore-role-trust",
                    p.target(),
                    p.detail(),
                    "aws iam update-assume-role-policy --role-name "
                        + tail(p.target())
                        + " --policy-document <the trust policy before "
                        + p.eventId()
                        + ">");
            case "policy-version" ->
                new ResponseAction(
                    "restore-policy-version",
                    p.target(),
                    "policy version created or made default by the actor",
                    "aws iam set-default-policy-version --policy-arn "
                        + p.target()
                        + " --version-id <previous version>");
            case "permission-grant" ->
                new ResponseAction(
                    "revoke-permission",
                    p.target(),
                    p.detail(),
                    "detach or delete the policy named in " + p.eventId());
            case "lambda" ->
                new ResponseAction(
                    "review-lambda",
                    p.target(),
                    p.detail(),
                    "aws lambda get-function --function-name "
                        + p.target()
                        + " then restore the code or remove the permission");
            case "instance-user-data" ->
                new ResponseAction(
                    "quarantine-instance",
                    p.target(),
                    "user data replaced by the actor",
                    "isolate the instance and restore its user data");
            default ->
                new ResponseAction(
                    "delete-identity-provider",
                    p.target(),
                    p.detail(),
                    "remove the identity provider after review");
          });
    }
    for (String ip : footprint.ips) {
      out.add(
          new ResponseAction(
              "block-source-address",
              ip,
              "address the actor worked from",
              "deny aws:SourceIp " + ip + " in an SCP or permissions boundary while responding"));
    }
    return out;
  }

  private static String userOf(Footprint f, String key) {
    for (EventRecord e : f.events) {
      if (key.equals(e.accessKeyId())
          && e.principalArn() != null
          && e.principalArn().contains(":user/")) {
        return tail(e.principalArn());
      }
    }
    return null;
  }

  private static String tail(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
