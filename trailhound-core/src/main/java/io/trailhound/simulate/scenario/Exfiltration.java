package io.trailhound.simulate.scenario;

import static io.trailhound.simulate.scenario.Fields.EMPTY;
import static io.trailhound.simulate.scenario.Fields.obj;

import io.trailhound.simulate.cloudtrail.S3Shapes;
import java.util.List;

/** Stratus exfiltration and impact techniques: sharing images and snapshots, ransoming buckets. */
final class Exfiltration {

  private static final String[] MODELS = {
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-opus-20240229-v1:0",
    "meta.llama3-70b-instruct-v1:0"
  };

  private Exfiltration() {}

  static List<Scenario> all() {
    return List.of(
        new Technique(
            "ec2-security-group-open-port-22-ingress",
            "Security group opened to SSH from anywhere",
            "aws.exfiltration.ec2-security-group-open-port-22-ingress",
            List.of("T1562.007"),
            Exfiltration::openSsh),
        new Technique(
            "ec2-share-ami",
            "AMI shared with an outside account",
            "aws.exfiltration.ec2-share-ami",
            List.of("T1537"),
            Exfiltration::shareAmi),
        new Technique(
            "rds-share-snapshot",
            "RDS snapshot shared with an outside account",
            "aws.exfiltration.rds-share-snapshot",
            List.of("T1537"),
            Exfiltration::shareRdsSnapshot),
        new Technique(
            "s3-backdoor-bucket-policy",
            "Bucket policy backdoored with an outside account",
            "aws.exfiltration.s3-backdoor-bucket-policy",
            List.of("T1537", "T1098"),
            Exfiltration::bucketPolicy),
        new Technique(
            "bedrock-invoke-model",
            "Bedrock model access enabled and models invoked",
            "aws.impact.bedrock-invoke-model",
            List.of("T1496"),
            Exfiltration::bedrock),
        new Technique(
            "ec2-deregister-ami",
            "AMIs deregistered",
            "aws.impact.ec2-deregister-ami",
            List.of("T1485"),
            Exfiltration::deregisterAmi),
        new Technique(
            "s3-ransomware-batch-deletion",
            "Bucket emptied with batch deletes and a ransom note left",
            "aws.impact.s3-ransomware-batch-deletion",
            List.of("T1485", "T1486"),
            a -> ransomware(a, Wipe.BATCH)),
        new Technique(
            "s3-ransomware-individual-deletion",
            "Bucket emptied object by object and a ransom note left",
            "aws.impact.s3-ransomware-individual-deletion",
            List.of("T1485", "T1486"),
            a -> ransomware(a, Wipe.INDIVIDUAL)),
        new Technique(
            "s3-ransomware-client-side-encryption",
            "Objects overwritten with encrypted copies and a ransom note left",
            "aws.impact.s3-ransomware-client-side-encryption",
            List.of("T1486"),
            a -> ransomware(a, Wipe.ENCRYPT)));
  }

  private static void openSsh(Attack a) {
    String group = a.resourceId("sg");
    a.describe("DescribeSecurityGroups");
    a.pause(5, 200);
    boolean v6 = a.ctx().random().nextInt(4) == 0;
    int from = a.ctx().random().nextInt(4) == 0 ? 0 : 22;
    int to = from == 0 ? 65535 : 22;
    Fields ranges =
        v6
            ? EMPTY
            : obj(
                "items",
                List.of(
                    obj(
                        "cidrIp",
                        "0.0.0.0/0",
                        "description",
                        a.ctx().random().nextBoolean()
                            ? null
                            : a.ctx().pick("ssh", "temp", "admin"))));
    Fields ranges6 = v6 ? obj("items", List.of(obj("cidrIpv6", "::/0"))) : EMPTY;
    a.call(
        "ec2",
        "AuthorizeSecurityGroupIngress",
        obj(
            "groupId",
            group,
            "ipPermissions",
            obj(
                "items",
                List.of(
                    obj(
                        "ipProtocol", "tcp",
                        "fromPort", from,
                        "toPort", to,
                        "groups", EMPTY,
                        "ipRanges", ranges,
                        "ipv6Ranges", ranges6,
                        "prefixListIds", EMPTY)))),
        obj(
            "requestId",
            a.uuid(),
            "_return",
            true,
            "securityGroupRuleSet",
            obj(
                "items",
                List.of(
                    obj(
                        "groupOwnerId",
                        a.account().id(),
                        "groupId",
                        group,
                        "securityGroupRuleId",
                        a.resourceId("sgr"),
                        "isEgress",
                        false,
                        "ipProtocol",
                        "tcp",
                        "fromPort",
                        from,
                        "toPort",
                        to,
                        v6 ? "cidrIpv6" : "cidrIpv4",
                        v6 ? "::/0" : "0.0.0.0/0")))));
  }

  private static void shareAmi(Attack a) {
    String image = a.resourceId("ami");
    describeOwnImages(a);
    a.pause(5, 300);
    a.call(
        "ec2",
        "ModifyImageAttribute",
        obj(
            "imageId",
            image,
            "launchPermission",
            obj("add", obj("items", List.of(obj("userId", a.outsideAccount())))),
            "attributeType",
            "launchPermission"),
        obj("requestId", a.uuid(), "_return", true));
  }

  private static void shareRdsSnapshot(Attack a) {
    String db =
        a.account().name() + "-" + a.ctx().pick("orders", "users", "billing", "core") + "-db";
    String snapshot =
        a.ctx().random().nextBoolean() ? db + "-" + a.hex(6) : "rds:" + db + "-2026-" + a.hex(4);
    a.call("rds", "DescribeDBSnapshots", obj("includeShared", false, "includePublic", false), null);
    a.pause(5, 200);
    if (a.ctx().random().nextBoolean()) {
      snapshot = a.name("backup", "export", "migration") + "-" + db;
      a.call(
          "rds",
          "CreateDBSnapshot",
          obj("dBSnapshotIdentifier", snapshot, "dBInstanceIdentifier", db),
          obj(
              "dBSnapshotIdentifier",
              snapshot,
              "dBInstanceIdentifier",
              db,
              "engine",
              "postgres",
              "status",
              "creating",
              "dBSnapshotArn",
              a.arn("rds", "snapshot:" + snapshot)));
      a.pause(300, 1200);
    }
    String outside = a.outsideAccount();
    a.call(
        "rds",
        "ModifyDBSnapshotAttribute",
        obj(
            "dBSnapshotIdentifier",
            snapshot,
            "attributeName",
            "restore",
            "valuesToAdd",
            List.of(outside)),
        obj(
            "dBSnapshotIdentifier",
            snapshot,
            "dBSnapshotAttributes",
            List.of(obj("attributeName", "restore", "attributeValues", List.of(outside)))));
  }

  private static void bucketPolicy(Attack a) {
    S3Shapes s3 = a.ctx().s3();
    String bucket = a.ctx().pick(a.account().buckets());
    String id = a.account().id();
    a.add(
        s3.bucket(
                a.caller(),
                a.now(),
                "GetBucketPolicy",
                a.region(),
                id,
                bucket,
                g -> g.writeStringField("policy", ""))
            .readOnly()
            .error("NoSuchBucketPolicy", "The bucket policy does not exist"));
    a.pause(5, 200);
    String principal =
        "arn:aws:iam::"
            + a.outsideAccount()
            + ":"
            + a.ctx()
                .pick(
                    "root",
                    "user/" + a.name("sync", "backup"),
                    "role/" + a.name("replication", "reader"));
    a.add(
        s3.bucket(
            a.caller(),
            a.now(),
            "PutBucketPolicy",
            a.region(),
            id,
            bucket,
            obj(
                "bucketPolicy",
                obj(
                    "Version",
                    "2012-10-17",
                    "Statement",
                    List.of(
                        obj(
                            "Sid", a.ctx().pick("AllowRead", "CrossAccount", "Replication"),
                            "Effect", "Allow",
                            "Principal", obj("AWS", principal),
                            "Action", List.of("s3:GetObject", "s3:ListBucket"),
                            "Resource",
                                List.of(
                                    "arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*")))),
                "policy",
                "")));
  }

  private static void bedrock(Attack a) {
    a.in(a.ctx().pick("us-east-1", "us-west-2", "eu-central-1"));
    String model = a.ctx().pick(MODELS);
    a.call("bedrock", "GetFoundationModelAvailability", obj("modelId", model), null);
    a.pause(2, 60);
    a.call("bedrock", "ListFoundationModelAgreementOffers", obj("modelId", model), null);
    a.pause(2, 60);
    a.call(
        "bedrock",
        "PutUseCaseForModelAccess",
        obj("formData", "HIDDEN_DUE_TO_SECURITY_REASONS"),
        null);
    a.pause(2, 60);
    a.call(
        "bedrock",
        "CreateFoundationModelAgreement",
        obj("offerToken", "HIDDEN_DUE_TO_SECURITY_REASONS", "modelId", model),
        obj("modelId", model));
    a.pause(2, 60);
    a.call(
        "bedrock",
        "PutFoundationModelEntitlement",
        obj("modelId", model),
        obj("status", "SUCCESS"));
    for (int i = 0, n = a.between(2, 12); i < n; i++) {
      a.pause(5, 240);
      a.add(
          a.api("bedrock", "InvokeModel", obj("modelId", model))
              .readOnly()
              .host("bedrock-runtime." + a.region() + ".amazonaws.com"));
    }
  }

  /** {@code DescribeImages --owners self}: the account's own AMIs. */
  private static void describeOwnImages(Attack a) {
    a.call(
        "ec2",
        "DescribeImages",
        obj(
            "executableBySet",
            EMPTY,
            "imagesSet",
            EMPTY,
            "ownersSet",
            obj("items", List.of(obj("owner", "self"))),
            "filterSet",
            EMPTY),
        null);
  }

  private static void deregisterAmi(Attack a) {
    describeOwnImages(a);
    for (int i = 0, n = a.between(1, 4); i < n; i++) {
      a.pause(2, 60);
      a.call(
          "ec2",
          "DeregisterImage",
          obj("imageId", a.resourceId("ami")),
          obj("requestId", a.uuid(), "_return", true));
    }
  }

  private enum Wipe {
    BATCH,
    INDIVIDUAL,
    ENCRYPT
  }

  private static void ransomware(Attack a, Wipe wipe) {
    S3Shapes s3 = a.ctx().s3();
    String id = a.account().id();
    String bucket = a.ctx().pick(a.account().buckets());
    a.in(a.account().home());
    a.add(s3.bucket(a.caller(), a.now(), "ListBuckets", a.region(), id, null, null).readOnly());
    a.pause(2, 60);
    a.add(
        s3.bucket(
                a.caller(),
                a.now(),
                "GetBucketVersioning",
                a.region(),
                id,
                bucket,
                g -> g.writeStringField("versioning", ""))
            .readOnly());
    String prefix = a.ctx().pick("exports/", "data/", "backups/", "uploads/2026/");
    int n = wipe == Wipe.BATCH ? a.between(2, 5) : a.between(20, 45);
    for (int i = 0; i < n; i++) {
      a.pause(0, 8);
      String key = prefix + a.hex(10) + a.ctx().pick(".csv.gz", ".json", ".parquet", ".pdf");
      switch (wipe) {
        case BATCH ->
            a.add(
                s3.bucket(
                        a.caller(),
                        a.now(),
                        "DeleteObjects",
                        a.region(),
                        id,
                        bucket,
                        g -> g.writeStringField("delete", ""))
                    .data());
        case INDIVIDUAL ->
            a.add(
                s3.object(
                    a.caller(), a.now(), "DeleteObject", a.region(), id, bucket, key, 0, 0, false));
        case ENCRYPT -> {
          long size = 1000 + a.ctx().random().nextInt(2_000_000);
          a.add(
              s3.object(
                  a.caller(), a.now(), "GetObject", a.region(), id, bucket, key, 0, size, true));
          a.pause(0, 4);
          a.add(
              s3.object(
                  a.caller(),
                  a.now(),
                  "PutObject",
                  a.region(),
                  id,
                  bucket,
                  key,
                  size + 32,
                  0,
                  false));
        }
      }
    }
    a.pause(5, 120);
    String note =
        a.ctx()
            .pick(
                "FILES-DELETED.txt",
                "README-RECOVER-FILES.txt",
                "HOW_TO_DECRYPT.txt",
                "YOUR_FILES_ARE_ENCRYPTED.html",
                "ransom-note.txt");
    a.add(
        s3.object(
            a.caller(),
            a.now(),
            "PutObject",
            a.region(),
            id,
            bucket,
            note,
            600 + a.ctx().random().nextInt(900),
            0,
            false));
  }
}
