package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.EMPTY;
import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.activity.WorkloadActivity;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Workload;
import java.util.ArrayList;
import java.util.List;

/** Stratus execution, discovery and lateral-movement techniques on instances and notebooks. */
final class Execution {

  private static final String[] GPU_TYPES = {
    "p3.2xlarge",
    "p3.8xlarge",
    "p4d.24xlarge",
    "g4dn.xlarge",
    "g4dn.12xlarge",
    "g5.4xlarge",
    "p5.48xlarge",
    "g6.2xlarge"
  };

  private Execution() {}

  static List<Scenario> all() {
    return List.of(
        new Technique(
            "ec2-launch-unusual-instances",
            "GPU instances launched (or attempted) with a leaked key",
            "aws.execution.ec2-launch-unusual-instances",
            List.of("T1496", "T1578.002"),
            Execution::unusualInstances),
        new Technique(
            "ec2-user-data",
            "Instance stopped, its user data replaced, and started again",
            "aws.execution.ec2-user-data",
            List.of("T1059", "T1098"),
            Technique.withInstances(1),
            Execution::userData),
        new Technique(
            "ssm-send-command",
            "Shell commands sent to several instances through SSM",
            "aws.execution.ssm-send-command",
            List.of("T1651"),
            Technique.withInstances(2),
            Execution::sendCommands),
        new Technique(
            "ssm-start-session",
            "SSM sessions opened on several instances",
            "aws.execution.ssm-start-session",
            List.of("T1651"),
            Technique.withInstances(3),
            Execution::sessions),
        new Technique(
            "sagemaker-update-lifecycle-config",
            "Notebook instance given a malicious lifecycle configuration",
            "aws.execution.sagemaker-update-lifecycle-config",
            List.of("T1059", "T1525"),
            Execution::notebookLifecycle),
        new Technique(
            "ec2-download-user-data",
            "User data of many instances downloaded",
            "aws.discovery.ec2-download-user-data",
            List.of("T1552.005", "T1580"),
            Execution::downloadUserData),
        new Technique(
            "ec2-enumerate-from-instance",
            "Discovery commands run on an instance with its role",
            "aws.discovery.ec2-enumerate-from-instance",
            List.of("T1580", "T1087.004", "T1651"),
            Technique.withInstances(1),
            Execution::enumerateFromInstance),
        new Technique(
            "ses-enumerate",
            "SES sending limits and identities enumerated",
            "aws.discovery.ses-enumerate",
            List.of("T1580"),
            Execution::sesEnumerate),
        new Technique(
            "ec2-instance-connect",
            "SSH keys pushed to several instances with EC2 Instance Connect",
            "aws.lateral-movement.ec2-instance-connect",
            List.of("T1021.004", "T1098.004"),
            Technique.withInstances(1),
            Execution::instanceConnect),
        new Technique(
            "ec2-serial-console-send-ssh-public-key",
            "Serial console enabled and an SSH key pushed to it",
            "aws.lateral-movement.ec2-serial-console-send-ssh-public-key",
            List.of("T1021.004", "T1098.004"),
            Technique.withInstances(1),
            Execution::serialConsole));
  }

  /** {@code ssm:SendCommand} of a shell script to {@code instances}; returns the command id. */
  static String sendCommand(Attack a, List<String> instances) {
    String command = a.uuid();
    String document =
        a.ctx().pick("AWS-RunShellScript", "AWS-RunShellScript", "AWS-RunPowerShellScript");
    a.call(
        "ssm",
        "SendCommand",
        obj(
            "instanceIds",
            instances,
            "documentName",
            document,
            "parameters",
            "HIDDEN_DUE_TO_SECURITY_REASONS",
            "interactive",
            false),
        obj(
            "command",
            obj(
                "commandId",
                command,
                "documentName",
                document,
                "documentVersion",
                "$DEFAULT",
                "comment",
                "",
                "expiresAfter",
                CredentialAccess.ssmTime(a.now().plusSeconds(7200)),
                "parameters",
                "HIDDEN_DUE_TO_SECURITY_REASONS",
                "instanceIds",
                instances,
                "targets",
                List.of(),
                "requestedDateTime",
                CredentialAccess.ssmTime(a.now()),
                "status",
                "Pending",
                "statusDetails",
                "Pending",
                "outputS3Region",
                a.region(),
                "outputS3BucketName",
                "",
                "outputS3KeyPrefix",
                "",
                "maxConcurrency",
                "50",
                "maxErrors",
                "0",
                "targetCount",
                instances.size(),
                "completedCount",
                0,
                "errorCount",
                0,
                "deliveryTimedOutCount",
                0,
                "serviceRole",
                "",
                "notificationConfig",
                obj("notificationArn", "", "notificationEvents", List.of(), "notificationType", ""),
                "cloudWatchOutputConfig",
                obj("cloudWatchLogGroupName", "", "cloudWatchOutputEnabled", false),
                "timeoutSeconds",
                3600,
                "alarmConfiguration",
                obj("ignorePollAlarmFailure", false, "alarms", List.of()),
                "triggeredAlarms",
                List.of(),
                "interactive",
                false)));
    return command;
  }

  private static void unusualInstances(Attack a) {
    String region =
        a.ctx()
            .pick(
                "us-east-1", "us-west-2", "eu-north-1", "ap-southeast-1", "sa-east-1", a.region());
    a.in(region);
    a.call(
        "ec2",
        "DescribeInstanceTypeOfferings",
        obj("DescribeInstanceTypeOfferingsRequest", obj("LocationType", "region")),
        null);
    boolean denied = a.ctx().random().nextInt(3) != 0;
    for (int i = 0, n = a.between(1, 3); i < n; i++) {
      a.pause(2, 60);
      String type = a.ctx().pick(GPU_TYPES);
      var call =
          a.ctx()
              .ec2()
              .runInstances(
                  a.caller(),
                  a.now(),
                  region,
                  a.account().id(),
                  type,
                  a.between(1, 10),
                  a.resourceId("ami"),
                  a.ctx().random().nextBoolean(),
                  a.ctx().random().nextBoolean() ? null : a.name("worker", "node", "gpu", "ml"));
      a.add(
          denied
              ? call.failing(
                  "Client.UnauthorizedOperation",
                  "You are not authorized to perform this operation. Encoded authorization failure"
                      + " message: "
                      + a.uuid().replace("-", ""))
              : call);
    }
  }

  private static void userData(Attack a) {
    Workload w = a.instances().get(0);
    a.in(w.region());
    String id = w.session();
    a.describe("DescribeInstances");
    a.pause(10, 300);
    var set = obj("instancesSet", obj("items", List.of(obj("instanceId", id))));
    a.call(
        "ec2",
        "StopInstances",
        obj("instancesSet", obj("items", List.of(obj("instanceId", id))), "force", false),
        obj(
            "requestId",
            a.uuid(),
            "instancesSet",
            obj("items", List.of(stateChange(id, 64, "stopping")))));
    a.pause(40, 180);
    a.call(
        "ec2",
        "ModifyInstanceAttribute",
        obj("instanceId", id, "userData", "<sensitiveDataRemoved>"),
        obj("requestId", a.uuid(), "_return", true));
    a.pause(5, 60);
    a.call(
        "ec2",
        "StartInstances",
        set,
        obj(
            "requestId",
            a.uuid(),
            "instancesSet",
            obj("items", List.of(stateChange(id, 0, "pending")))));
  }

  private static Fields stateChange(String id, int code, String name) {
    boolean stopping = name.equals("stopping");
    return obj(
        "instanceId",
        id,
        "currentState",
        obj("code", code, "name", name),
        "previousState",
        obj("code", stopping ? 16 : 80, "name", stopping ? "running" : "stopped"));
  }

  private static void sendCommands(Attack a) {
    List<Workload> all = a.instances();
    String region = all.get(0).region();
    a.in(region);
    List<String> ids = new ArrayList<>();
    for (Workload w : all) {
      if (w.region().equals(region)) {
        ids.add(w.session());
      }
    }
    a.call("ssm", "DescribeInstanceInformation", obj("maxResults", 50), null);
    a.pause(3, 90);
    String command = sendCommand(a, ids);
    for (String id : ids) {
      a.pause(1, 20);
      a.call("ssm", "GetCommandInvocation", obj("commandId", command, "instanceId", id), null);
    }
  }

  private static void sessions(Attack a) {
    List<Workload> all = a.instances();
    a.call("ssm", "DescribeInstanceInformation", obj("maxResults", 50), null);
    for (Workload w : all) {
      a.in(w.region()).pause(5, 100);
      String session =
          a.caller().identity().arn().substring(a.caller().identity().arn().lastIndexOf('/') + 1)
              + "-"
              + a.hex(16);
      a.call(
          "ssm",
          "StartSession",
          obj("target", w.session()),
          obj(
              "sessionId",
              session,
              "tokenValue",
              "Value hidden due to security reasons.",
              "streamUrl",
              "wss://ssmmessages."
                  + w.region()
                  + ".amazonaws.com/v1/data-channel/"
                  + session
                  + "?role=publish_subscribe"));
      if (a.ctx().random().nextBoolean()) {
        a.pause(20, 120);
        a.call("ssm", "TerminateSession", obj("sessionId", session), obj("sessionId", session));
      }
    }
  }

  private static void notebookLifecycle(Attack a) {
    String notebook = a.name("research-notebook", "ml-experiments", "data-science", "analytics-nb");
    String config = a.name("startup", "notebook-init", "conda-setup", "on-start");
    a.call("sagemaker", "ListNotebookInstances", null, null);
    a.pause(5, 120);
    a.call(
        "sagemaker",
        "CreateNotebookInstanceLifecycleConfig",
        obj(
            "notebookInstanceLifecycleConfigName",
            config,
            "onStart",
            List.of(obj("content", "HIDDEN_DUE_TO_SECURITY_REASONS"))),
        obj(
            "notebookInstanceLifecycleConfigArn",
            a.arn("sagemaker", "notebook-instance-lifecycle-config/" + config)));
    a.pause(5, 60);
    a.call("sagemaker", "StopNotebookInstance", obj("notebookInstanceName", notebook), null);
    a.pause(60, 300);
    a.call(
        "sagemaker",
        "UpdateNotebookInstance",
        obj("notebookInstanceName", notebook, "lifecycleConfigName", config),
        null);
    a.pause(5, 60);
    a.call("sagemaker", "StartNotebookInstance", obj("notebookInstanceName", notebook), null);
  }

  private static void downloadUserData(Attack a) {
    List<Workload> known = a.instances();
    a.describe("DescribeInstances");
    int n = a.between(11, 20);
    boolean denied = a.ctx().random().nextInt(3) == 0;
    for (int i = 0; i < n; i++) {
      // The account's own instances first, then the short-lived ones CI launched.
      String id = i < known.size() ? known.get(i).session() : a.resourceId("i");
      a.in(i < known.size() ? known.get(i).region() : a.account().home()).pause(1, 45);
      var request = obj("instanceId", id, "attribute", "userData");
      if (denied) {
        a.denied(
            "ec2",
            "DescribeInstanceAttribute",
            request,
            "Client.UnauthorizedOperation",
            "ec2:DescribeInstanceAttribute");
      } else {
        a.call(
            "ec2",
            "DescribeInstanceAttribute",
            request,
            obj("requestId", a.uuid(), "instanceId", id, "userData", EMPTY));
      }
    }
  }

  private static void enumerateFromInstance(Attack a) {
    Workload w = a.instances().get(0);
    a.in(w.region());
    a.call("ssm", "DescribeInstanceInformation", obj("maxResults", 50), null);
    a.pause(5, 90);
    sendCommand(a, List.of(w.session()));
    a.pause(5, 40);
    // The commands run on the instance: its role, its address, the CLI installed there. Version 2
    // of the CLI names each command in its user agent (command/iam.list-users), version 1 does not;
    // neither is the agent of the instance's own software (the SSM agent's Go SDK).
    Caller shell =
        new Caller(
            WorkloadActivity.identity(w, a.now()),
            w.ip(),
            a.ctx()
                .pick(
                    "aws-cli/2.15.17 Python/3.11.6 Linux/6.1.72-96.166.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off",
                    "aws-cli/1.18.147 Python/2.7.18 Linux/4.14.336-257.562.amzn2.x86_64 botocore/1.18.6"),
            false);
    a.as(cli(shell, "sts.get-caller-identity"));
    a.call("sts", "GetCallerIdentity", null, null);
    List<String> apis =
        new ArrayList<>(
            List.of(
                "ListUsers",
                "ListRoles",
                "ListGroups",
                "ListPolicies",
                "GetAccountAuthorizationDetails",
                "ListAccessKeys"));
    for (int i = 0, n = a.between(4, apis.size()); i < n; i++) {
      a.pause(1, 20);
      String api = apis.remove(a.ctx().random().nextInt(apis.size()));
      a.as(cli(shell, "iam." + command(api)));
      a.add(a.ctx().iam().iam(a.caller(), a.now(), api, a.account().id(), null));
    }
    a.pause(1, 20);
    a.as(cli(shell, "s3.ls"));
    a.add(
        a.ctx()
            .s3()
            .bucket(a.caller(), a.now(), "ListBuckets", a.region(), a.account().id(), null, null)
            .readOnly());
    a.pause(1, 20);
    a.as(cli(shell, "ec2.describe-instances"));
    a.describe("DescribeInstances");
  }

  /** {@code shell} running one CLI command: version 2 of the CLI names it in its user agent. */
  private static Caller cli(Caller shell, String command) {
    String agent = shell.userAgent();
    return agent.startsWith("aws-cli/2.")
        ? new Caller(shell.identity(), shell.ip(), agent + " command/" + command, shell.console())
        : shell;
  }

  /** The CLI command of an API: {@code ListUsers} → {@code list-users}. */
  private static String command(String api) {
    return api.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static void sesEnumerate(Attack a) {
    a.in(a.ctx().pick("us-east-1", "eu-west-1", "us-west-2", a.region()));
    List<String> apis =
        new ArrayList<>(
            List.of(
                "GetAccountSendingEnabled",
                "GetSendQuota",
                "GetSendStatistics",
                "ListIdentities",
                "ListVerifiedEmailAddresses"));
    for (int i = 0, n = a.between(3, apis.size()); i < n; i++) {
      String api = apis.remove(a.ctx().random().nextInt(apis.size()));
      a.add(a.api("ses", api, null).host("email." + a.region() + ".amazonaws.com"));
      a.pause(1, 30);
    }
    a.add(
        a.api(
                "ses",
                "GetIdentityVerificationAttributes",
                obj("identities", List.of(a.account().name() + ".example.com")))
            .host("email." + a.region() + ".amazonaws.com"));
  }

  private static void instanceConnect(Attack a) {
    List<Workload> all = a.instances();
    a.describe("DescribeInstances");
    String key = sshKey(a);
    for (int i = 0, n = a.between(1, all.size()); i < n; i++) {
      Workload w = all.get(i);
      a.in(w.region()).pause(3, 60);
      a.call(
          "ec2-instance-connect",
          "SendSSHPublicKey",
          obj(
              "instanceId",
              w.session(),
              "instanceOSUser",
              a.ctx().pick("ec2-user", "ubuntu", "admin"),
              "sSHPublicKey",
              key),
          obj("requestId", a.uuid(), "success", true));
    }
  }

  private static void serialConsole(Attack a) {
    Workload w = a.instances().get(0);
    a.in(w.region());
    a.call(
        "ec2",
        "GetSerialConsoleAccessStatus",
        obj("GetSerialConsoleAccessStatusRequest", ""),
        null);
    a.pause(3, 60);
    a.call(
        "ec2",
        "EnableSerialConsoleAccess",
        obj("EnableSerialConsoleAccessRequest", ""),
        obj(
            "EnableSerialConsoleAccessResponse",
            obj(
                "xmlns",
                "http://ec2.amazonaws.com/doc/2016-11-15/",
                "requestId",
                a.uuid(),
                "serialConsoleAccessEnabled",
                true)));
    a.pause(5, 90);
    a.call(
        "ec2-instance-connect",
        "SendSerialConsoleSSHPublicKey",
        obj("instanceId", w.session(), "serialPort", 0, "sSHPublicKey", sshKey(a)),
        obj("requestId", a.uuid(), "success", true));
  }

  private static String sshKey(Attack a) {
    String body = (a.uuid() + a.uuid()).replace("-", "");
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"
        + body.substring(0, 43)
        + " "
        + a.ctx().pick("root@kali", "user@localhost", "ops", "deploy");
  }
}
