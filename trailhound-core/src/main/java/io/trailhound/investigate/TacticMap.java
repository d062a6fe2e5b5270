package io.trailhound.investigate;

import java.util.Map;

/**
 * ATT&amp;CK tactic and technique of an API call, for steps no rule tagged. Rule tags win where a
 * finding's rule matched the event; this table covers the rest of an attacker's activity.
 */
final class TacticMap {

  /** A tactic (Sigma spelling, e.g. {@code privilege-escalation}) and a technique id. */
  record Mapping(String tactic, String technique) {}

  private static final Map<String, Mapping> BY_API =
      Map.ofEntries(
          e("ConsoleLogin", "initial-access", "T1078.004"),
          e("GetFederationToken", "persistence", "T1550.001"),
          e("GetSessionToken", "credential-access", "T1550.001"),
          e("AssumeRole", "lateral-movement", "T1550.001"),
          e("AssumeRoleWithSAML", "initial-access", "T1078.004"),
          e("AssumeRoleWithWebIdentity", "initial-access", "T1078.004"),
          e("GetCallerIdentity", "discovery", "T1087.004"),
          e("GetAccountAuthorizationDetails", "discovery", "T1087.004"),
          e("CreateUser", "persistence", "T1136.003"),
          e("CreateAccessKey", "persistence", "T1098.001"),
          e("CreateLoginProfile", "persistence", "T1098"),
          e("UpdateLoginProfile", "persistence", "T1098"),
          e("CreateRole", "persistence", "T1098"),
          e("UpdateAssumeRolePolicy", "persistence", "T1098"),
          e("CreateSAMLProvider", "persistence", "T1484.002"),
          e("UpdateSAMLProvider", "persistence", "T1484.002"),
          e("CreateOpenIDConnectProvider", "persistence", "T1484.002"),
          e("AttachUserPolicy", "privilege-escalation", "T1098.003"),
          e("AttachRolePolicy", "privilege-escalation", "T1098.003"),
          e("AttachGroupPolicy", "privilege-escalation", "T1098.003"),
          e("PutUserPolicy", "privilege-escalation", "T1098.003"),
          e("PutRolePolicy", "privilege-escalation", "T1098.003"),
          e("PutGroupPolicy", "privilege-escalation", "T1098.003"),
          e("AddUserToGroup", "privilege-escalation", "T1098.003"),
          e("CreatePolicyVersion", "privilege-escalation", "T1098.003"),
          e("SetDefaultPolicyVersion", "privilege-escalation", "T1098.003"),
          e("PassRole", "privilege-escalation", "T1098.003"),
          e("StopLogging", "defense-evasion", "T1562.008"),
          e("DeleteTrail", "defense-evasion", "T1562.008"),
          e("UpdateTrail", "defense-evasion", "T1562.008"),
          e("PutEventSelectors", "defense-evasion", "T1562.008"),
          e("DeleteFlowLogs", "defense-evasion", "T1562.008"),
          e("DeleteDetector", "defense-evasion", "T1562.001"),
          e("DisableSecurityHub", "defense-evasion", "T1562.001"),
          e("DeleteConfigurationRecorder", "defense-evasion", "T1562.001"),
          e("StopConfigurationRecorder", "defense-evasion", "T1562.001"),
          e("DeleteBucketPublicAccessBlock", "defense-evasion", "T1562"),
          e("PutBucketPublicAccessBlock", "defense-evasion", "T1562"),
          e("PutBucketLifecycle", "defense-evasion", "T1562.008"),
          e("PutBucketLifecycleConfiguration", "defense-evasion", "T1562.008"),
          e("DeleteResolverQueryLogConfig", "defense-evasion", "T1562.008"),
          e("DisassociateResolverQueryLogConfig", "defense-evasion", "T1562.008"),
          e("LeaveOrganization", "defense-evasion", "T1666"),
          e("AuthorizeSecurityGroupIngress", "defense-evasion", "T1562.007"),
          e("PutBucketPolicy", "exfiltration", "T1537"),
          e("PutBucketAcl", "exfiltration", "T1537"),
          e("ModifySnapshotAttribute", "exfiltration", "T1537"),
          e("ModifyImageAttribute", "exfiltration", "T1537"),
          e("ModifyDBSnapshotAttribute", "exfiltration", "T1537"),
          e("GetObject", "collection", "T1530"),
          e("GetSecretValue", "credential-access", "T1555.006"),
          e("GetParameter", "credential-access", "T1552"),
          e("GetParameters", "credential-access", "T1552"),
          e("GetPasswordData", "credential-access", "T1552"),
          e("BatchGetSecretValue", "credential-access", "T1555.006"),
          e("SendSSHPublicKey", "lateral-movement", "T1021.004"),
          e("SendSerialConsoleSSHPublicKey", "lateral-movement", "T1021.004"),
          e("EnableSerialConsoleAccess", "lateral-movement", "T1021.004"),
          e("DeleteObject", "impact", "T1485"),
          e("DeleteObjects", "impact", "T1485"),
          e("DeleteBucket", "impact", "T1485"),
          e("PutObject", "impact", "T1486"),
          e("RunInstances", "impact", "T1496"),
          e("RequestServiceQuotaIncrease", "impact", "T1496"),
          e("InvokeModel", "impact", "T1496"),
          e("PutFoundationModelEntitlement", "impact", "T1496"),
          e("DeregisterImage", "impact", "T1485"),
          e("CreateFunction", "persistence", "T1648"),
          e("UpdateFunctionCode", "persistence", "T1648"),
          e("AddPermission", "persistence", "T1648"),
          e("UpdateFunctionConfiguration", "persistence", "T1525"),
          e("CreateTrustAnchor", "persistence", "T1098"),
          e("CreateNotebookInstanceLifecycleConfig", "execution", "T1059"),
          e("UpdateNotebookInstance", "execution", "T1059"),
          e("ModifyInstanceAttribute", "persistence", "T1578"),
          e("SendCommand", "execution", "T1651"),
          e("StartSession", "execution", "T1651"),
          e("CreateSnapshot", "collection", "T1578.001"),
          e("ScheduleKeyDeletion", "impact", "T1485"),
          e("DisableKey", "impact", "T1485"));

  private TacticMap() {}

  /**
   * The mapping of {@code api}; reads ({@code List*}, {@code Describe*}, {@code Get*}) are
   * discovery.
   */
  static Mapping of(String api, Boolean readOnly) {
    String base = PrivescCatalog.baseApi(api);
    Mapping m = BY_API.get(base);
    if (m != null) {
      return m;
    }
    if (base.startsWith("List") || base.startsWith("Describe") || base.startsWith("Get")) {
      return new Mapping("discovery", base.contains("Bucket") ? "T1619" : "T1580");
    }
    if (Boolean.TRUE.equals(readOnly)) {
      return new Mapping("discovery", "T1580");
    }
    return new Mapping("other", "");
  }

  private static Map.Entry<String, Mapping> e(String api, String tactic, String technique) {
    return Map.entry(api, new Mapping(tactic, technique));
  }
}
