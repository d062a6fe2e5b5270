#!/usr/bin/env python3
"""Writes the attack-chain test fixtures (CloudTrail JSON lines). Standard library only, deterministic:
python3 generate.py rebuilds the same bytes; the enrichment is ../baseline/enrichment.tsv. Addresses: 192.0.2.0/24 and 198.51.100.0/24 are the
"office" (enrichment.tsv: US, AS64496), 203.0.113.0/24 the attacker (NL, AS64511)."""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cloudtrail_fixtures import ACCOUNT, START, event, role_session, ts, user, write  # noqa: E402
from datetime import timedelta


BOTO = "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6"
CLI = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.8"
ATTACKER = "203.0.113.9"

ADMIN = user("alice", "AKIAQRSTUVWXYZALICE1")   # IAM administrator, office 192.0.2.10
ANALYST = user("bob", "AKIAQRSTUVWXYZBOB0001")  # reads one bucket, never lists buckets
DATA = user("dave", "AKIAQRSTUVWXYZDAVE001")    # data team: lists buckets and reads daily
DEV = user("carol", "AKIAQRSTUVWXYZCAROL01")    # launches a t3.micro in us-east-1 daily
CI = role_session("ci-gpu", "build")            # launches its g5.xlarge in us-east-1 daily
DAY = timedelta(days=1)


def s3(ident, t, name, ip, ua, key=None, bucket="example-finance-reports"):
    params = {"bucketName": bucket, "Host": bucket + ".s3.amazonaws.com"}
    if key:
        params["key"] = key
    return event(ident, t, "s3.amazonaws.com", name, ip, ua, params=params, read_only=name.startswith(("Get", "List")),
                 data=key is not None)


def launch(ident, t, ip, itype, region="us-east-1"):
    return event(ident, t, "ec2.amazonaws.com", "RunInstances", ip, BOTO, region=region,
                 params={"instanceType": itype, "minCount": 1, "maxCount": 1})


# Eight days of ordinary work: the learning period (7 days) ends before anything below.
history = []
for day in range(8):
    t = START + day * DAY + timedelta(hours=9)
    history.append(event(ADMIN, t, "sts.amazonaws.com", "GetCallerIdentity", "192.0.2.10", CLI, read_only=True))
    history.append(event(ADMIN, t + timedelta(minutes=3), "iam.amazonaws.com", "ListUsers", "192.0.2.10", CLI,
                         read_only=True))
    history.append(event(ADMIN, t + timedelta(minutes=6), "ec2.amazonaws.com", "DescribeInstances", "192.0.2.10",
                         CLI, read_only=True))
    history.append(s3(ANALYST, t + timedelta(minutes=10), "GetObject", "192.0.2.20", BOTO, key=f"daily/{day:02d}.csv"))
    history.append(s3(DATA, t + timedelta(minutes=12), "ListBuckets", "192.0.2.30", BOTO))
    history.append(s3(DATA, t + timedelta(minutes=13), "GetObject", "192.0.2.30", BOTO, key=f"daily/{day:02d}.csv"))
    history.append(launch(DEV, t + timedelta(hours=2), "192.0.2.40", "t3.micro"))
    history.append(launch(CI, t + timedelta(hours=5), "192.0.2.50", "g5.xlarge"))
write("history.jsonl", history)

ATTACK = START + 9 * DAY + timedelta(hours=3)


def minutes(m):
    return ATTACK + timedelta(minutes=m)


# Alice's key from a new country and ASN: who am I, list users, attach admin, new access key.
write("iam-compromise.jsonl", [
    event(ADMIN, minutes(0), "sts.amazonaws.com", "GetCallerIdentity", ATTACKER, CLI, read_only=True),
    event(ADMIN, minutes(2), "iam.amazonaws.com", "ListUsers", ATTACKER, CLI, read_only=True),
    event(ADMIN, minutes(5), "iam.amazonaws.com", "AttachUserPolicy", ATTACKER, CLI,
          params={"userName": "alice", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
    event(ADMIN, minutes(8), "iam.amazonaws.com", "CreateAccessKey", ATTACKER, CLI, params={"userName": "svc-backup"}),
])
# The same steps from the other office address (same ASN and country): an admin's normal IAM work.
write("iam-admin-office.jsonl", [
    event(ADMIN, minutes(0), "iam.amazonaws.com", "ListUsers", "198.51.100.5", CLI, read_only=True),
    event(ADMIN, minutes(5), "iam.amazonaws.com", "AttachUserPolicy", "198.51.100.5", CLI,
          params={"userName": "erin", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
    event(ADMIN, minutes(8), "iam.amazonaws.com", "CreateUser", "198.51.100.5", CLI, params={"userName": "erin"}),
])
# A new location that only looks around: no escalation, no persistence.
write("iam-new-location-lookaround.jsonl", [
    event(ADMIN, minutes(0), "sts.amazonaws.com", "GetCallerIdentity", ATTACKER, CLI, read_only=True),
    event(ADMIN, minutes(2), "iam.amazonaws.com", "ListUsers", ATTACKER, CLI, read_only=True),
])
# Persistence and escalation first, from the office; the new location only afterwards.
write("iam-steps-before-new-location.jsonl", [
    event(ADMIN, minutes(0), "iam.amazonaws.com", "ListUsers", "192.0.2.10", CLI, read_only=True),
    event(ADMIN, minutes(5), "iam.amazonaws.com", "AttachUserPolicy", "192.0.2.10", CLI,
          params={"userName": "erin", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
    event(ADMIN, minutes(8), "iam.amazonaws.com", "CreateUser", "192.0.2.10", CLI, params={"userName": "erin"}),
    event(ADMIN, minutes(60), "sts.amazonaws.com", "GetCallerIdentity", ATTACKER, CLI, read_only=True),
])


def read_burst(ident, start, ip, n=25):
    return [s3(ident, start + timedelta(seconds=10 * i), "GetObject", ip, BOTO, key=f"export/{i:03d}.csv")
            for i in range(n)]


# Bob, who only ever read one prefix, lists the buckets, opens one and copies it out.
write("s3-new-actor-exfiltration.jsonl", [
    s3(ANALYST, minutes(0), "ListBuckets", ATTACKER, BOTO),
    s3(ANALYST, minutes(3), "PutBucketPolicy", ATTACKER, BOTO),
] + read_burst(ANALYST, minutes(5), ATTACKER))
# The data team doing the same: it lists buckets every day, so nothing is new.
write("s3-data-team-publishes.jsonl", [
    s3(DATA, minutes(0), "ListBuckets", "192.0.2.30", BOTO),
    s3(DATA, minutes(3), "PutBucketPolicy", "192.0.2.30", BOTO),
] + read_burst(DATA, minutes(5), "192.0.2.30"))
# Bob lists buckets for the first time and reads a lot, but opens nothing.
write("s3-new-actor-reads-only.jsonl", [s3(ANALYST, minutes(0), "ListBuckets", ATTACKER, BOTO)]
      + read_burst(ANALYST, minutes(5), ATTACKER))

# Carol, who launches a t3.micro in us-east-1 every day, launches a GPU type in a new region.
write("ec2-unusual-gpu-launch.jsonl", [launch(DEV, minutes(0), ATTACKER, "p4d.24xlarge", region="ap-southeast-1")])
# The CI role's daily GPU launch: large, but as usual.
write("ec2-ci-daily-gpu.jsonl", [launch(CI, minutes(0), "192.0.2.50", "g5.xlarge")])
# Carol tries a new small type: unusual, but not mining capacity.
write("ec2-new-small-type.jsonl", [launch(DEV, minutes(0), "192.0.2.40", "t3.large")])
