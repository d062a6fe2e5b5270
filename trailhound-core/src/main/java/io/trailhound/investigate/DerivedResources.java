package io.trailhound.investigate;

import java.util.Map;
import java.util.Set;

/**
 * ARNs of the IAM, Lambda and S3 resources a request names in its parameters. CloudTrail's {@code
 * resources} array is absent for most management events, and an investigation must be able to ask
 * "was this backdoor user deleted later?" by resource.
 */
final class DerivedResources {

  private DerivedResources() {}

  static void add(
      String account, String region, Map<String, String> f, Set<String> out, Interner in) {
    if (account == null) {
      return;
    }
    String iam = "arn:aws:iam::" + account + ":";
    String user = f.get("requestParameters.userName");
    if (user != null) {
      out.add(in.intern(iam + "user/" + user));
    }
    String role = f.get("requestParameters.roleName");
    if (role != null) {
      out.add(in.intern(iam + "role/" + role));
    }
    String group = f.get("requestParameters.groupName");
    if (group != null) {
      out.add(in.intern(iam + "group/" + group));
    }
    String policy = f.get("requestParameters.policyArn");
    if (policy != null) {
      out.add(in.intern(policy));
    }
    String created = f.get(EventRecord.CREATED_KEY);
    if (created != null) {
      out.add(in.intern("access-key:" + created));
    }
    String key = f.get("requestParameters.accessKeyId");
    if (key != null) {
      out.add(in.intern("access-key:" + key));
    }
    String function = f.get("requestParameters.functionName");
    if (function != null) {
      out.add(
          in.intern(
              function.startsWith("arn:")
                  ? function
                  : "arn:aws:lambda:" + region + ":" + account + ":function:" + function));
    }
    String bucket = f.get("requestParameters.bucketName");
    if (bucket != null) {
      out.add(in.intern("arn:aws:s3:::" + bucket));
    }
    String launched = f.get(EventRecord.INSTANCES);
    if (launched != null) {
      for (String id : launched.split(" ")) {
        out.add(in.intern("arn:aws:ec2:" + region + ":" + account + ":instance/" + id));
      }
    }
    String instance = f.get("requestParameters.instanceId");
    if (instance != null) {
      out.add(in.intern("arn:aws:ec2:" + region + ":" + account + ":instance/" + instance));
    }
    // the instances an SSM command or session reached: "who opened a shell on i-…" is a pivot
    for (String path : new String[] {EventRecord.COMMANDED, EventRecord.SESSION_TARGET}) {
      String reached = f.get(path);
      if (reached != null) {
        for (String id : reached.split(" ")) {
          if (InstanceShell.isInstanceId(id)) {
            out.add(in.intern("arn:aws:ec2:" + region + ":" + account + ":instance/" + id));
          }
        }
      }
    }
    for (String path :
        new String[] {
          "requestParameters.sAMLProviderArn", "requestParameters.openIDConnectProviderArn"
        }) {
      String arn = f.get(path);
      if (arn != null) {
        out.add(in.intern(arn));
      }
    }
  }
}
