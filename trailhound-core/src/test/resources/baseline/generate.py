#!/usr/bin/env python3
"""Writes the baseline test fixtures (CloudTrail JSON lines). Standard library only, deterministic:
python3 generate.py rebuilds the same bytes. Addresses: 192.0.2.0/24 and 198.51.100.0/24 are the
"office" (enrichment.tsv: US, AS64496), 203.0.113.0/24 the attacker (NL, AS64511)."""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cloudtrail_fixtures import ACCOUNT, START, event, role_session, ts, user, write  # noqa: E402
from datetime import timedelta


BOTO = "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6"
CLI = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.8"
KALI = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/distrib#kali.2024 lang/python#3.11.8"
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
SVC = user("svc-reporting", "AKIAQRSTUVWXYZSVCREP")
ADMIN = user("alice", "AKIAQRSTUVWXYZALICE1")

# 12 days of a reporting key's daily routine from the office, then (day 13) the same key from the
# attacker's network listing users, stopping CloudTrail and being denied a dozen times.
history = []
for day in range(12):
    t = START + timedelta(days=day, hours=6)
    history.append(event(SVC, t, "athena.amazonaws.com", "StartQueryExecution", "192.0.2.200", BOTO))
    history.append(event(SVC, t + timedelta(minutes=2), "athena.amazonaws.com", "GetQueryResults", "192.0.2.200", BOTO, read_only=True))
    history.append(event(SVC, t + timedelta(minutes=3), "sts.amazonaws.com", "GetCallerIdentity", "192.0.2.200", BOTO, read_only=True))
    # alice, an administrator: her normal IAM work every day (reads, users, keys, policies)
    a = START + timedelta(days=day, hours=9)
    for i, api in enumerate(["ListUsers", "GetUser", "ListRoles", "ListPolicies", "GetRole"]):
        history.append(event(ADMIN, a + timedelta(minutes=i), "iam.amazonaws.com", api, "198.51.100.23", CLI, read_only=True))
    if day % 3 == 0:
        history.append(event(ADMIN, a + timedelta(minutes=10), "iam.amazonaws.com", "CreateUser", "198.51.100.23", CLI))
        history.append(event(ADMIN, a + timedelta(minutes=11), "iam.amazonaws.com", "AttachUserPolicy", "198.51.100.23", CLI))
        history.append(event(ADMIN, a + timedelta(minutes=12), "iam.amazonaws.com", "CreateAccessKey", "198.51.100.23", CLI))
write("history.jsonl", history)

attack = []
t = START + timedelta(days=12, hours=20, minutes=41)
attack.append(event(SVC, t, "sts.amazonaws.com", "GetCallerIdentity", "203.0.113.66", KALI, read_only=True))
for i in range(12):
    attack.append(event(SVC, t + timedelta(seconds=20 * (i + 1)), "iam.amazonaws.com",
                        ["ListRoles", "GetAccountAuthorizationDetails", "ListAttachedUserPolicies"][i % 3],
                        "203.0.113.66", KALI, error="AccessDenied", read_only=True))
attack.append(event(SVC, t + timedelta(minutes=8), "cloudtrail.amazonaws.com", "StopLogging", "203.0.113.66", KALI,
                    params={"name": "management-events"}))
# alice on day 13: the same normal IAM work, from a new office address (same ISP and country)
a = START + timedelta(days=12, hours=9)
for i, api in enumerate(["ListUsers", "GetUser", "CreateUser", "AttachUserPolicy"]):
    attack.append(event(ADMIN, a + timedelta(minutes=i), "iam.amazonaws.com", api, "192.0.2.77", CLI))
write("attack.jsonl", attack)

# A CI role launching its usual small instance every day; on day 13 a GPU type in a new region.
CI = role_session("ci-deploy", "github-actions-1234")
launches = []
for day in range(12):
    t = START + timedelta(days=day, hours=14)
    launches.append(event(CI, t, "ec2.amazonaws.com", "RunInstances", "192.0.2.140", BOTO,
                          params={"instanceType": "t3.small", "minCount": 1, "maxCount": 1}))
write("ci-launches.jsonl", launches)
write("ci-launch-usual.jsonl", [event(CI, START + timedelta(days=12, hours=14), "ec2.amazonaws.com", "RunInstances",
                                      "192.0.2.140", BOTO, params={"instanceType": "t3.small", "minCount": 1, "maxCount": 1})])
write("ci-launch-gpu.jsonl", [event(CI, START + timedelta(days=12, hours=15), "ec2.amazonaws.com", "RunInstances",
                                    "192.0.2.140", BOTO, region="ap-southeast-1",
                                    params={"instanceType": "p4d.24xlarge", "minCount": 4, "maxCount": 4})])

# An instance's role session: calls from its own address (and privately through an endpoint);
# then the same session from the attacker's network, and from another account's instance address.
INST = role_session("app-server", "i-0a1b2c3d4e5f60718", ec2=True)
OTHER = role_session("batch", "i-0fedcba9876543210", ec2=True, account="999988887777")
instance = []
for h in range(6):
    t = START + timedelta(hours=h)
    instance.append(event(INST, t, "s3.amazonaws.com", "ListBuckets", "192.0.2.150", BOTO, read_only=True))
    instance.append(event(INST, t + timedelta(minutes=5), "ssm.amazonaws.com", "UpdateInstanceInformation", "10.0.1.25", "aws-sdk-go/1.44.0", extra={"vpcEndpointId": "vpce-0123456789abcdef0"}))
    instance.append(event(OTHER, t, "sts.amazonaws.com", "GetCallerIdentity", "198.51.100.200", BOTO, read_only=True))
write("instance-own.jsonl", instance)
write("instance-stolen.jsonl", [
    event(INST, START + timedelta(hours=7), "s3.amazonaws.com", "ListBuckets", "203.0.113.66", KALI, read_only=True),
    event(INST, START + timedelta(hours=8), "iam.amazonaws.com", "ListRoles", "198.51.100.200", BOTO, read_only=True),
])

# Console sign-ins: alice in the US, then the NL one hour later (impossible), or 20 hours later (fine).
def login(t, ip):
    return event(ADMIN, t, "signin.amazonaws.com", "ConsoleLogin", ip, BROWSER, etype="AwsConsoleSignIn",
                 extra={"responseElements": {"ConsoleLogin": "Success"},
                        "additionalEventData": {"MFAUsed": "Yes", "LoginTo": "https://console.aws.amazon.com/"}})
write("logins-impossible.jsonl", [login(START + timedelta(hours=8), "198.51.100.23"),
                                   login(START + timedelta(hours=9), "203.0.113.66")])
write("logins-possible.jsonl", [login(START + timedelta(hours=8), "198.51.100.23"),
                                 login(START + timedelta(hours=28), "203.0.113.66")])

# A few denied calls spread out (a CI job missing one permission) — not a burst.
write("denied-spread.jsonl", [event(CI, START + timedelta(hours=2 * i), "secretsmanager.amazonaws.com", "ListSecrets",
                                    "192.0.2.140", BOTO, error="AccessDenied", read_only=True) for i in range(12)])

# Enumeration: an operator reading three APIs an hour for 10 days, then 24 distinct APIs in one hour.
OPS = user("ops", "AKIAQRSTUVWXYZOPS001")
enum_history = []
for day in range(10):
    for h in (9, 13):
        t = START + timedelta(days=day, hours=h)
        for i, api in enumerate(["DescribeInstances", "DescribeVolumes", "DescribeAlarms"]):
            enum_history.append(event(OPS, t + timedelta(minutes=i), "ec2.amazonaws.com" if i < 2 else "monitoring.amazonaws.com",
                                      api, "192.0.2.50", CLI, read_only=True))
write("enumeration-history.jsonl", enum_history)
apis = ["DescribeInstances", "DescribeVolumes", "DescribeSnapshots", "DescribeImages", "DescribeVpcs", "DescribeSubnets",
        "DescribeSecurityGroups", "DescribeKeyPairs", "DescribeRegions", "DescribeAddresses", "DescribeNatGateways",
        "DescribeRouteTables", "DescribeNetworkInterfaces", "DescribeLaunchTemplates", "DescribeInstanceTypes",
        "DescribeAvailabilityZones", "DescribeAccountAttributes", "DescribeFlowLogs", "DescribeVpcEndpoints",
        "DescribeInternetGateways", "DescribeNetworkAcls", "DescribeSpotInstanceRequests", "DescribeHosts", "DescribeTags"]
t = START + timedelta(days=11, hours=22)
write("enumeration-burst.jsonl", [event(OPS, t + timedelta(seconds=30 * i), "ec2.amazonaws.com", api, "192.0.2.50", CLI,
                                        read_only=True) for i, api in enumerate(apis)])

# An ETL role writing and reading objects every day (S3 data events); on day 13 the same role
# lists every bucket, deletes objects and opens a bucket policy — or (negative) just its usual work.
ETL = role_session("etl", "etl-nightly")
BUCKET = "arn:aws:s3:::example-reports"


def s3(t, name, key=None, bucket_level=False):
    res = [{"type": "AWS::S3::Bucket", "ARN": BUCKET}]
    if key:
        res.append({"type": "AWS::S3::Object", "ARN": BUCKET + "/" + key})
    return event(ETL, t, "s3.amazonaws.com", name, "192.0.2.160", BOTO,
                 params={"bucketName": "example-reports", **({"key": key} if key else {})},
                 read_only=name.startswith("Get") or name.startswith("List"),
                 data=not bucket_level, extra={"resources": res})


s3_history = []
for day in range(12):
    t = START + timedelta(days=day, hours=2)
    s3_history.append(s3(t, "PutObject", f"daily/{day:02d}.parquet"))
    s3_history.append(s3(t + timedelta(minutes=5), "GetObject", f"daily/{day:02d}.parquet"))
write("s3-history.jsonl", s3_history)
t = START + timedelta(days=12, hours=2)
write("s3-usual.jsonl", [s3(t, "PutObject", "daily/12.parquet"), s3(t + timedelta(minutes=5), "GetObject", "daily/12.parquet")])
write("s3-wipe.jsonl", [s3(t, "ListBuckets", bucket_level=True),
                        s3(t + timedelta(minutes=1), "DeleteObjects"),
                        s3(t + timedelta(minutes=2), "PutBucketPolicy", bucket_level=True)])

# A Lambda function's credentials (userIdentity.inScopeOf): from AWS addresses, then from outside
# AWS, then through a VPC endpoint of another account.
FN = role_session("report-fn-role", "report-fn")
FN["inScopeOf"] = {"issuerType": "AWS::Lambda::Function",
                   "sourceArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:report-fn",
                   "sourceAccount": ACCOUNT, "credentialsIssuedTo": f"arn:aws:iam::{ACCOUNT}:role/report-fn-role"}
write("lambda-usual.jsonl", [event(FN, START + timedelta(hours=h), "dynamodb.amazonaws.com", "Query",
                                   f"198.51.100.{10 + h}", "aws-sdk-nodejs/2.1500.0", read_only=True) for h in range(5)])
write("lambda-stolen.jsonl", [
    event(FN, START + timedelta(hours=6), "dynamodb.amazonaws.com", "Scan", "203.0.113.9", KALI, read_only=True),
    event(FN, START + timedelta(hours=7), "dynamodb.amazonaws.com", "Scan", "10.8.0.4", BOTO, read_only=True,
          extra={"vpcEndpointId": "vpce-0aaaabbbbccccdddd", "vpcEndpointAccountId": "999988887777"}),
])
