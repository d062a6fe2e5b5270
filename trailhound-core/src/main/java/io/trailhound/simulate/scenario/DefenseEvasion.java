package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.cloudtrail.Times;
import io.trailhound.simulate.org.Account;
import java.util.List;

/** Stratus defense-evasion techniques: trails, their bucket, flow logs, DNS logs, the org. */
final class DefenseEvasion {

  private DefenseEvasion() {}

  static List<Scenario> all() {
    return List.of(
        new Technique(
            "cloudtrail-delete",
            "CloudTrail trail deleted",
            "aws.defense-evasion.cloudtrail-delete",
            List.of("T1562.008"),
            DefenseEvasion::deleteTrail),
        new Technique(
            "cloudtrail-event-selectors",
            "CloudTrail event selectors narrowed to stop recording",
            "aws.defense-evasion.cloudtrail-event-selectors",
            List.of("T1562.008"),
            DefenseEvasion::eventSelectors),
        new Technique(
            "cloudtrail-lifecycle-rule",
            "Trail bucket given a one-day expiry lifecycle rule",
            "aws.defense-evasion.cloudtrail-lifecycle-rule",
            List.of("T1562.008", "T1485"),
            Technique::management,
            DefenseEvasion::lifecycleRule),
        new Technique(
            "dns-delete-logs",
            "Route 53 Resolver query logging removed",
            "aws.defense-evasion.dns-delete-logs",
            List.of("T1562.008"),
            DefenseEvasion::dnsLogs),
        new Technique(
            "organizations-leave",
            "Account asked to leave the organisation",
            "aws.defense-evasion.organizations-leave",
            List.of("T1666"),
            DefenseEvasion::leaveOrganization),
        new Technique(
            "vpc-remove-flow-logs",
            "VPC flow logs deleted",
            "aws.defense-evasion.vpc-remove-flow-logs",
            List.of("T1562.008"),
            DefenseEvasion::flowLogs));
  }

  private static String trailArn(Account a) {
    return "arn:aws:cloudtrail:" + a.home() + ":" + a.id() + ":trail/" + a.trail();
  }

  private static void deleteTrail(Attack a) {
    Account acct = a.account();
    a.in(acct.home());
    a.add(a.api("cloudtrail", "DescribeTrails", obj("trailNameList", List.of())));
    a.pause(3, 120);
    String arn = trailArn(acct);
    a.add(a.api("cloudtrail", "GetTrailStatus", obj("name", arn)));
    a.pause(3, 120);
    String name = a.ctx().random().nextBoolean() ? arn : acct.trail();
    a.add(
        a.api("cloudtrail", "DeleteTrail", obj("name", name))
            .response(null)
            .resource(arn, acct.id(), "AWS::CloudTrail::Trail"));
  }

  private static void eventSelectors(Attack a) {
    Account acct = a.account();
    a.in(acct.home());
    String arn = trailArn(acct);
    String name = a.ctx().random().nextBoolean() ? arn : acct.trail();
    a.add(a.api("cloudtrail", "GetEventSelectors", obj("trailName", name)));
    a.pause(5, 180);
    Fields selector =
        switch (a.ctx().random().nextInt(3)) {
          case 0 ->
              obj(
                  "readWriteType",
                  "All",
                  "includeManagementEvents",
                  false,
                  "dataResources",
                  List.of(),
                  "excludeManagementEventSources",
                  List.of());
          case 1 ->
              obj(
                  "readWriteType",
                  a.ctx().pick("ReadOnly", "WriteOnly"),
                  "includeManagementEvents",
                  true,
                  "dataResources",
                  List.of(),
                  "excludeManagementEventSources",
                  List.of());
          default ->
              obj(
                  "readWriteType",
                  "All",
                  "includeManagementEvents",
                  true,
                  "dataResources",
                  List.of(),
                  "excludeManagementEventSources",
                  List.of(a.ctx().pick("kms.amazonaws.com", "rdsdata.amazonaws.com")));
        };
    a.add(
        a.api(
                "cloudtrail",
                "PutEventSelectors",
                obj("trailName", name, "eventSelectors", List.of(selector)))
            .response(obj("trailARN", arn, "eventSelectors", List.of(selector)))
            .resource(arn, acct.id(), "AWS::CloudTrail::Trail"));
  }

  /** The organisation trail delivers to the management account's log bucket. */
  private static void lifecycleRule(Attack a) {
    Account acct = a.account();
    a.in(acct.home());
    String bucket = acct.buckets().get(2);
    a.add(a.api("cloudtrail", "DescribeTrails", obj("trailNameList", List.of())));
    a.pause(5, 120);
    a.add(
        a.ctx()
            .s3()
            .bucket(
                a.caller(),
                a.now(),
                "GetBucketLifecycle",
                a.region(),
                acct.id(),
                bucket,
                g -> g.writeStringField("lifecycle", ""))
            .readOnly()
            .error("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist"));
    a.pause(5, 120);
    String ruleId = a.name("expire", "cleanup", "retention", "cost-saving");
    int days = 1;
    boolean noncurrent = a.ctx().random().nextInt(3) == 0;
    Fields rule =
        noncurrent
            ? obj(
                "ID",
                ruleId,
                "Status",
                "Enabled",
                "Filter",
                obj("Prefix", ""),
                "Expiration",
                obj("Days", days),
                "NoncurrentVersionExpiration",
                obj("NoncurrentDays", 1))
            : obj(
                "ID",
                ruleId,
                "Status",
                "Enabled",
                "Filter",
                obj("Prefix", a.ctx().pick("", "AWSLogs/")),
                "Expiration",
                obj("Days", days));
    a.add(
        a.ctx()
            .s3()
            .bucket(
                a.caller(),
                a.now(),
                "PutBucketLifecycle",
                a.region(),
                acct.id(),
                bucket,
                obj(
                    "LifecycleConfiguration",
                    obj("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/", "Rule", List.of(rule)),
                    "lifecycle",
                    "")));
  }

  private static void dnsLogs(Attack a) {
    String config = "rqlc-" + a.hex(16);
    String vpc = a.resourceId("vpc");
    String name = a.ctx().pick("vpc-dns-logs", "resolver-query-logs", a.account().name() + "-dns");
    // Logging was set up weeks or months ago; the association dates from then too.
    String created = Times.iso(a.now().minusSeconds(86400L * a.between(20, 300)));
    a.call("route53resolver", "ListResolverQueryLogConfigs", obj("maxResults", 100), null);
    a.pause(3, 90);
    if (a.ctx().random().nextBoolean()) {
      a.call(
          "route53resolver",
          "DisassociateResolverQueryLogConfig",
          obj("resolverQueryLogConfigId", config, "resourceId", vpc),
          obj(
              "resolverQueryLogConfigAssociation",
              obj(
                  "id",
                  "rqlca-" + a.hex(16),
                  "resolverQueryLogConfigId",
                  config,
                  "resourceId",
                  vpc,
                  "status",
                  "DELETING",
                  "error",
                  "NONE",
                  "errorMessage",
                  "",
                  "creationTime",
                  created)));
      a.pause(10, 200);
    }
    a.call(
        "route53resolver",
        "DeleteResolverQueryLogConfig",
        obj("resolverQueryLogConfigId", config),
        obj(
            "resolverQueryLogConfig",
            obj(
                "id",
                config,
                "ownerId",
                a.account().id(),
                "status",
                "DELETING",
                "shareStatus",
                "NOT_SHARED",
                "associationCount",
                0,
                "arn",
                a.arn("route53resolver", "resolver-query-log-config/" + config),
                "name",
                name,
                "destinationArn",
                a.arn("logs", "log-group:/dns/" + name),
                "creatorRequestId",
                "tf-" + a.hex(8),
                "creationTime",
                created)));
  }

  private static void leaveOrganization(Attack a) {
    a.call("organizations", "DescribeOrganization", null, null);
    a.pause(3, 90);
    if (a.ctx().random().nextInt(3) == 0) {
      a.call("organizations", "LeaveOrganization", null, null);
    } else {
      a.denied(
          "organizations",
          "LeaveOrganization",
          null,
          "AccessDeniedException",
          "organizations:LeaveOrganization");
    }
  }

  private static void flowLogs(Attack a) {
    String id = "fl-0" + a.hex(16);
    a.call("ec2", "DescribeFlowLogs", obj("DescribeFlowLogsRequest", ""), null);
    a.pause(3, 150);
    a.call(
        "ec2",
        "DeleteFlowLogs",
        obj("DeleteFlowLogsRequest", obj("FlowLogId", obj("tag", 1, "content", id))),
        obj(
            "DeleteFlowLogsResponse",
            obj(
                "xmlns",
                "http://ec2.amazonaws.com/doc/2016-11-15/",
                "requestId",
                a.uuid(),
                "unsuccessful",
                "")));
  }
}
