#!/usr/bin/env python3
"""Writes Trailhound's example CloudTrail logs (examples/logs/AWSLogs/...) deterministically.

Standard library only. The same seed always gives byte-identical .json.gz files (fixed gzip
mtime, no file name in the gzip header, sorted inputs), so the folder can be regenerated and
diffed. Run from anywhere: python3 examples/generate.py
"""

import gzip
import io
import json
import os
import random
import shutil
import string
import uuid
from datetime import datetime, timedelta, timezone

SEED = 20261123
ACCOUNT = "111122223333"
OTHER_ACCOUNT = "444455556666"
OUTSIDE_ACCOUNT = "777788889999"
ORG_ID = "o-a1b2c3d4e5"

UA_CLI_LINUX = (
    "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.8.0-1019-aws md/arch#x86_64"
    " lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe"
    " md/distrib#ubuntu.24 md/prompt#off md/command#{cmd}"
)
UA_CLI_MAC = (
    "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6"
    " md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#{cmd}"
)
UA_CLI_KALI = (
    "aws-cli/2.17.32 md/awscrt#0.21.2 ua/2.0 os/linux#6.8.11-amd64 md/arch#x86_64"
    " lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe"
    " md/distrib#kali.2024 md/prompt#off md/command#{cmd}"
)
UA_BOTO_KALI = (
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0-kali9-amd64 md/arch#x86_64"
    " lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69"
)
UA_BOTO_PARROT = (
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5.0-13parrot1-amd64 md/arch#x86_64"
    " lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69"
)
UA_BOTO_PENTOO = (
    "Boto3/1.35.10 md/Botocore#1.35.10 ua/2.0 os/linux#6.6.30-pentoo md/arch#x86_64"
    " lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.10"
)
UA_TERRAFORM = (
    "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.76.0"
    " (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.4 ua/2.1"
    " os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/{api}#1.0.0 m/E,g"
)
UA_BROWSER = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0.0.0 Safari/537.36"
)
UA_BROWSER_WIN = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
)
UA_CONSOLE = "AWS Internal"

HOSTS = {
    "iam.amazonaws.com": lambda region: "iam.amazonaws.com",
    "sts.amazonaws.com": lambda region: f"sts.{region}.amazonaws.com",
    "signin.amazonaws.com": lambda region: "signin.aws.amazon.com",
    "organizations.amazonaws.com": lambda region: "organizations.us-east-1.amazonaws.com",
}


def host_for(source, region):
    if source in HOSTS:
        return HOSTS[source](region)
    service = source.split(".")[0]
    return f"{service}.{region}.amazonaws.com"


class Ids:
    """Deterministic ids from one seeded random generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def alnum(self, n, alphabet=string.ascii_uppercase + string.digits):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def s3_request_id(self):
        return self.alnum(16)

    def access_key(self, prefix):
        return prefix + self.alnum(16, string.ascii_uppercase + "234567")

    def x_amz_id_2(self):
        alphabet = string.ascii_letters + string.digits + "+/"
        return self.alnum(76, alphabet) + "="


def kebab(api_name):
    """CreateAccessKey -> create-access-key, the form the AWS CLI puts in md/command."""
    out = []
    for i, c in enumerate(api_name):
        if c.isupper() and i > 0 and (not api_name[i - 1].isupper() or
                                      (i + 1 < len(api_name) and api_name[i + 1].islower())):
            out.append("-")
        out.append(c.lower())
    return "".join(out)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def iam_date(t):
    """IAM and STS write dates in responseElements like 'Nov 23, 2026 11:36:20 AM'."""
    hour = t.hour % 12 or 12
    return f"{t.strftime('%b')} {t.day}, {t.year} {hour}:{t.strftime('%M:%S')} {t.strftime('%p')}"


# ----------------------------------------------------------------------------------------------
# identities


def iam_user(name, user_id, key, account=ACCOUNT, session_from=None, mfa=False):
    ident = {
        "type": "IAMUser",
        "principalId": user_id,
        "arn": f"arn:aws:iam::{account}:user/{name}",
        "accountId": account,
        "accessKeyId": key,
        "userName": name,
    }
    if session_from is not None:
        ident["sessionContext"] = {
            "attributes": {"creationDate": iso(session_from), "mfaAuthenticated": str(mfa).lower()}
        }
    return ident


def iam_user_signin(name, user_id, account=ACCOUNT):
    return {
        "type": "IAMUser",
        "principalId": user_id,
        "arn": f"arn:aws:iam::{account}:user/{name}",
        "accountId": account,
        "userName": name,
    }


def assumed_role(role, role_id, session, key, created, account=ACCOUNT, mfa=False, path="",
                 ec2_role_delivery=None, source_identity=None):
    ctx = {
        "sessionIssuer": {
            "type": "Role",
            "principalId": role_id,
            "arn": f"arn:aws:iam::{account}:role/{path}{role}",
            "accountId": account,
            "userName": role,
        },
        "webIdFederationData": {},
        "attributes": {"creationDate": iso(created), "mfaAuthenticated": str(mfa).lower()},
    }
    if ec2_role_delivery:
        ctx["ec2RoleDelivery"] = ec2_role_delivery
    if source_identity:
        ctx["sourceIdentity"] = source_identity
    return {
        "type": "AssumedRole",
        "principalId": f"{role_id}:{session}",
        "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{session}",
        "accountId": account,
        "accessKeyId": key,
        "sessionContext": ctx,
    }


def root(account=ACCOUNT, key=None, created=None, mfa=False, assumed_root=False):
    ident = {
        "type": "Root",
        "principalId": account,
        "arn": f"arn:aws:iam::{account}:root",
        "accountId": account,
    }
    if key is not None:
        ident["accessKeyId"] = key
    if created is not None:
        ident["sessionContext"] = {
            "attributes": {"creationDate": iso(created), "mfaAuthenticated": str(mfa).lower()}
        }
        if assumed_root:
            ident["sessionContext"]["assumedRoot"] = "true"
    return ident


def aws_service(service):
    return {"type": "AWSService", "invokedBy": service}


# ----------------------------------------------------------------------------------------------
# events


def api_call(ids, when, source, name, region, identity, ip, ua, *, request=None, response=None,
             read_only=False, error=None, resources=None, additional=None, account=ACCOUNT,
             event_type="AwsApiCall", console=False, tls=True, version="1.11", s3=False,
             api_version=None, shared_event_id=None, vpce=None):
    """One CloudTrail record with the fields in the order CloudTrail writes them."""
    ev = {
        "eventVersion": version,
        "userIdentity": identity,
        "eventTime": iso(when),
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": ip,
        "userAgent": ua,
    }
    if error is not None:
        ev["errorCode"], ev["errorMessage"] = error
    ev["requestParameters"] = request
    ev["responseElements"] = response
    if additional is not None:
        ev["additionalEventData"] = additional
    ev["requestID"] = ids.s3_request_id() if s3 else ids.uuid()
    ev["eventID"] = ids.uuid()
    ev["readOnly"] = read_only
    if resources is not None:
        ev["resources"] = resources
    ev["eventType"] = event_type
    if api_version is not None:
        ev["apiVersion"] = api_version
    ev["managementEvent"] = True
    ev["recipientAccountId"] = account
    if shared_event_id is not None:
        ev["sharedEventID"] = shared_event_id
    if vpce is not None:
        ev["vpcEndpointId"] = vpce
        ev["vpcEndpointAccountId"] = account
    ev["eventCategory"] = "Management"
    if tls:
        host = request.get("Host") if s3 and isinstance(request, dict) and request.get("Host") \
            else host_for(source, region)
        ev["tlsDetails"] = {
            "tlsVersion": "TLSv1.3",
            "cipherSuite": "TLS_AES_128_GCM_SHA256",
            "clientProvidedHostHeader": host,
        }
        if when >= datetime(2026, 1, 1, tzinfo=timezone.utc):
            ev["tlsDetails"]["keyExchange"] = "x25519" if "Mozilla" in ua or ua == UA_CONSOLE \
                else "X25519MLKEM768"
    if console:
        ev["sessionCredentialFromConsole"] = "true"
    return ev


def s3_call(ids, when, name, region, identity, ip, ua, bucket, request, *, read_only=False,
            error=None, response=None, bytes_in=0, bytes_out=0, account=ACCOUNT, console=False):
    host = f"{bucket}.s3.{region}.amazonaws.com" if bucket else f"s3.{region}.amazonaws.com"
    req = dict(request)
    if bucket:
        req.setdefault("bucketName", bucket)
    req["Host"] = host
    additional = {
        "SignatureVersion": "SigV4",
        "CipherSuite": "TLS_AES_128_GCM_SHA256",
        "bytesTransferredIn": bytes_in,
        "AuthenticationMethod": "AuthHeader",
        "x-amz-id-2": ids.x_amz_id_2(),
        "bytesTransferredOut": bytes_out,
    }
    resources = [{"accountId": account, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"}] \
        if bucket else None
    return api_call(ids, when, "s3.amazonaws.com", name, region, identity, ip, ua, request=req,
                    response=response, read_only=read_only, error=error, resources=resources,
                    additional=additional, account=account, s3=True, console=console)


def console_login(ids, when, identity, ip, ua, *, success=True, mfa=True, account=ACCOUNT,
                  region="us-east-1", root_user=False):
    additional = {
        "LoginTo": "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_0f1e2d3c4b5a6978",
        "MobileVersion": "No",
        "MFAUsed": "Yes" if (mfa and success) else "No",
    }
    if mfa and success:
        if root_user:
            additional["MFAIdentifier"] = f"arn:aws:iam::{account}:mfa/root-account-mfa-device"
        else:
            additional["MFAIdentifier"] = f"arn:aws:iam::{account}:mfa/{identity.get('userName', 'user')}-phone"
    ev = api_call(ids, when, "signin.amazonaws.com", "ConsoleLogin", region, identity, ip, ua,
                  request=None, response={"ConsoleLogin": "Success" if success else "Failure"},
                  additional=additional, account=account, event_type="AwsConsoleSignIn")
    if not success:
        # CloudTrail writes errorMessage for failed sign-ins, placed before requestParameters.
        ordered = {}
        for k, v in ev.items():
            if k == "requestParameters":
                ordered["errorMessage"] = "Failed authentication"
            ordered[k] = v
        ev = ordered
    return ev


# ----------------------------------------------------------------------------------------------
# the example organisation

DAY1 = datetime(2026, 11, 19, tzinfo=timezone.utc)
DAY2 = DAY1 + timedelta(days=1)
END = DAY2 + timedelta(days=1)

EMPLOYEES = [
    # name, user id, home IP, browser
    ("alice", "AIDAQRSTUVWXYZ2345ABC", "198.51.100.23", UA_BROWSER),
    ("bob", "AIDAQRSTUVWXYZBOB0001", "198.51.100.45", UA_BROWSER_WIN),
    ("dave", "AIDAQRSTUVWXYZDAVE001", "198.51.100.88", UA_BROWSER),
]
CI_IP = "192.0.2.140"
REPORTING_IP = "192.0.2.200"
ATTACKER_IP = "203.0.113.66"
ROOT_ATTACKER_IP = "203.0.113.200"
TRAIL_ARN = f"arn:aws:cloudtrail:us-east-1:{ACCOUNT}:trail/acme-audit"
DETECTOR = "4ac9a8e1f2b3c4d5e6f7a8b9c0d1e2f3"
REPORTING_KEY = "AKIAQRSTUVWXYZSVCREP"
BACKDOOR_KEY = "AKIAQRSTUVWXYZBKDR7Q"
ROOT_KEY = "AKIAQRSTUVWXYZROOT4K"
UA_BOTO_UBUNTU = (
    "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.8.0-1019-aws md/arch#x86_64"
    " lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54"
)
UA_PYTHON_ROOTKEY = (
    "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/windows#10 md/arch#amd64"
    " lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54"
)


class Org:
    """Builds the event list: benign background plus the labelled attack stories."""

    def __init__(self, seed):
        self.ids = Ids(seed)
        self.rng = random.Random(seed + 1)
        self.events = []  # (account, region, event)
        self.stories = {}  # story -> list of event dicts

    def add(self, ev, account=ACCOUNT, story=None):
        self.events.append((account, ev["awsRegion"], ev))
        if story:
            self.stories.setdefault(story, []).append(ev)
        return ev

    def jitter(self, start, minutes):
        return start + timedelta(seconds=self.rng.randrange(int(minutes * 60)))

    # -- background ------------------------------------------------------------------------

    def employee_day(self, day, name, user_id, ip, browser):
        ids, rng = self.ids, self.rng
        start = day + timedelta(hours=8, minutes=rng.randrange(20, 80))
        signin = iam_user_signin(name, user_id)
        if name == "bob" and day == DAY1:
            # a typo before the real sign-in: one benign low finding
            self.add(console_login(ids, start - timedelta(seconds=41), dict(signin, accessKeyId=""),
                                   ip, browser, success=False, mfa=False))
        self.add(console_login(ids, start, signin, ip, browser, mfa=True))
        key = ids.access_key("ASIA")
        ident = iam_user(name, user_id, key, session_from=start, mfa=True)
        t = start
        for _ in range(rng.randrange(12, 22)):
            t += timedelta(seconds=rng.randrange(60, 1500))
            if t > day + timedelta(hours=18):
                break
            self.console_read(t, ident, ip, name)

    def console_read(self, t, ident, ip, name):
        ids, rng = self.ids, self.rng
        region = "us-east-1" if rng.random() < 0.8 else "eu-west-1"
        choice = rng.randrange(11)
        kw = dict(read_only=True, console=True)
        if choice == 0:
            ev = api_call(ids, t, "ec2.amazonaws.com", "DescribeInstances", region, ident, ip, UA_CONSOLE,
                          request={"instancesSet": {}, "filterSet": {}, "maxResults": 50}, **kw)
        elif choice == 1:
            ev = api_call(ids, t, "ec2.amazonaws.com", "DescribeSecurityGroups", region, ident, ip,
                          UA_CONSOLE, request={"securityGroupSet": {}, "securityGroupIdSet": {},
                                               "filterSet": {}}, **kw)
        elif choice == 2:
            ev = s3_call(ids, t, "ListBuckets", "us-east-1", ident, ip, UA_CONSOLE, None, {},
                         read_only=True, console=True, bytes_out=2211)
        elif choice == 3:
            bucket = rng.choice(["acme-app-data-111122223333", "acme-marketing-assets-111122223333",
                                 "acme-cloudtrail-111122223333"])
            if name == "dave" and bucket == "acme-cloudtrail-111122223333":
                ev = s3_call(ids, t, "GetBucketPolicy", "us-east-1", ident, ip, UA_CONSOLE, bucket,
                             {"policy": ""}, read_only=True, console=True,
                             error=("AccessDenied", "Access Denied"), bytes_out=243)
            else:
                ev = s3_call(ids, t, "GetBucketLocation", "us-east-1", ident, ip, UA_CONSOLE, bucket,
                             {"location": ""}, read_only=True, console=True, bytes_out=128)
        elif choice == 4:
            ev = api_call(ids, t, "iam.amazonaws.com", "ListRoles", "us-east-1", ident, ip, UA_CONSOLE,
                          request={"maxItems": 1000}, **kw)
        elif choice == 5:
            ev = api_call(ids, t, "monitoring.amazonaws.com", "DescribeAlarms", region, ident, ip,
                          UA_CONSOLE, request={"maxRecords": 100}, **kw)
        elif choice == 6:
            ev = api_call(ids, t, "lambda.amazonaws.com", "ListFunctions20150331", region, ident, ip,
                          UA_CONSOLE, request={"functionVersion": "ALL", "maxItems": 50}, **kw)
        elif choice == 7:
            ev = api_call(ids, t, "rds.amazonaws.com", "DescribeDBInstances", region, ident, ip,
                          UA_CONSOLE, request={"maxRecords": 100}, **kw)
        elif choice == 8:
            ev = api_call(ids, t, "ce.amazonaws.com", "GetCostAndUsage", "us-east-1", ident, ip,
                          UA_CONSOLE, request={"timePeriod": {"start": "2026-11-01", "end": "2026-11-30"},
                                               "granularity": "DAILY", "metrics": ["UnblendedCost"]}, **kw)
        elif choice == 9:
            ev = api_call(ids, t, "guardduty.amazonaws.com", "ListFindings", "us-east-1", ident, ip,
                          UA_CONSOLE, request={"detectorId": DETECTOR, "maxResults": 50,
                                               "sortCriteria": {"attributeName": "updatedAt",
                                                                "orderBy": "DESC"}}, **kw)
        else:
            ev = api_call(ids, t, "cloudtrail.amazonaws.com", "LookupEvents", "us-east-1", ident, ip,
                          UA_CONSOLE, request={"maxResults": 50}, **kw)
        self.add(ev)

    def ci_run(self, t, region, run):
        ids, rng = self.ids, self.rng
        runner = assumed_role("ci-runner", "AROAQRSTUVWXYZRUNNER1", "i-0c1d2e3f4a5b6c7d8",
                              "ASIAQRSTUVWXYZRUNNR1", t - timedelta(hours=2), ec2_role_delivery="2.0")
        session = f"gha-run-{run}"
        key = ids.access_key("ASIA")
        role_arn = f"arn:aws:iam::{ACCOUNT}:role/ci-deploy"
        self.add(api_call(
            ids, t, "sts.amazonaws.com", "AssumeRole", "us-east-1", runner, CI_IP,
            UA_TERRAFORM.format(api="sts"),
            request={"roleArn": role_arn, "roleSessionName": session, "durationSeconds": 3600},
            response={
                "credentials": {"accessKeyId": key, "sessionToken": self.session_token(),
                                "expiration": iam_date(t + timedelta(hours=1))},
                "assumedRoleUser": {"assumedRoleId": f"AROAQRSTUVWXYZCIDEPL1:{session}",
                                    "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/ci-deploy/{session}"}},
            read_only=True,
            resources=[{"accountId": ACCOUNT, "type": "AWS::IAM::Role", "ARN": role_arn}]))
        ident = assumed_role("ci-deploy", "AROAQRSTUVWXYZCIDEPL1", session, key, t)
        calls = [
            ("sts.amazonaws.com", "GetCallerIdentity", "us-east-1", None),
            ("iam.amazonaws.com", "GetRole", "us-east-1", {"roleName": "reporting-lambda"}),
            ("iam.amazonaws.com", "ListRolePolicies", "us-east-1", {"roleName": "reporting-lambda"}),
            ("iam.amazonaws.com", "ListAttachedRolePolicies", "us-east-1", {"roleName": "reporting-lambda"}),
            ("ec2.amazonaws.com", "DescribeVpcs", region, {"vpcSet": {}, "filterSet": {}}),
            ("ec2.amazonaws.com", "DescribeSecurityGroups", region,
             {"securityGroupSet": {}, "securityGroupIdSet": {"items": [{"groupId": "sg-0a1b2c3d4e5f60718"}]},
              "filterSet": {}}),
            ("ec2.amazonaws.com", "DescribeInstances", region,
             {"instancesSet": {"items": [{"instanceId": "i-0a9b8c7d6e5f40312"}]}, "filterSet": {}}),
            ("lambda.amazonaws.com", "GetFunction20150331v2", region, {"functionName": "reporting-export"}),
        ]
        for source, name, reg, req in calls:
            t += timedelta(milliseconds=rng.randrange(300, 4000))
            self.add(api_call(ids, t, source, name, reg, ident, CI_IP, UA_TERRAFORM.format(api=source.split(".")[0]),
                              request=req, read_only=True))
        t += timedelta(seconds=2)
        self.add(s3_call(ids, t, "GetBucketVersioning", "us-east-1", ident, CI_IP,
                         UA_TERRAFORM.format(api="s3"), "acme-app-data-111122223333", {"versioning": ""},
                         read_only=True, bytes_out=256))
        if run % 5 == 3:
            t += timedelta(seconds=1)
            self.add(api_call(
                ids, t, "secretsmanager.amazonaws.com", "ListSecrets", region, ident, CI_IP,
                UA_TERRAFORM.format(api="secretsmanager"), request=None, read_only=True,
                error=("AccessDenied", f"User: arn:aws:sts::{ACCOUNT}:assumed-role/ci-deploy/{session} is not"
                       " authorized to perform: secretsmanager:ListSecrets because no identity-based policy"
                       " allows the secretsmanager:ListSecrets action")))

    def session_token(self):
        alphabet = string.ascii_letters + string.digits + "+/"
        return "IQoJb3JpZ2luX2VjE" + self.ids.alnum(380, alphabet) + "=="

    def config_poll(self, t, region, account=ACCOUNT):
        ids = self.ids
        role_arn = f"arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
        session = "AWSConfig-Describe"
        key = ids.access_key("ASIA")
        svc = aws_service("config.amazonaws.com")
        self.add(api_call(
            ids, t, "sts.amazonaws.com", "AssumeRole", region, svc, "config.amazonaws.com",
            "config.amazonaws.com", request={"roleArn": role_arn, "roleSessionName": session},
            response={"credentials": {"accessKeyId": key, "sessionToken": self.session_token(),
                                      "expiration": iam_date(t + timedelta(hours=1))},
                      "assumedRoleUser": {"assumedRoleId": f"AROAQRSTUVWXYZCONFIG1:{session}",
                                          "arn": f"arn:aws:sts::{account}:assumed-role/AWSServiceRoleForConfig/{session}"}},
            read_only=True, account=account, tls=False, shared_event_id=ids.uuid(),
            resources=[{"accountId": account, "type": "AWS::IAM::Role", "ARN": role_arn}]), account=account)
        ident = assumed_role("AWSServiceRoleForConfig", "AROAQRSTUVWXYZCONFIG1", session, key, t,
                             account=account, path="aws-service-role/config.amazonaws.com/")
        ident["invokedBy"] = "config.amazonaws.com"
        for name, req in (("DescribeSecurityGroups", {"securityGroupSet": {}, "securityGroupIdSet": {}, "filterSet": {}}),
                          ("DescribeNetworkInterfaces", {"networkInterfaceIdSet": {}, "filterSet": {}})):
            t += timedelta(seconds=1)
            self.add(api_call(ids, t, "ec2.amazonaws.com", name, region, ident, "config.amazonaws.com",
                              "config.amazonaws.com", request=req, read_only=True, account=account, tls=False),
                     account=account)

    def reporting_job(self, day):
        ids = self.ids
        t = day + timedelta(hours=6, minutes=0, seconds=self.rng.randrange(5, 50))
        ident = iam_user("svc-reporting", "AIDAQRSTUVWXYZ9SVCREP", REPORTING_KEY)
        qid = ids.uuid()
        self.add(s3_call(ids, t, "GetBucketLocation", "us-east-1", ident, REPORTING_IP, UA_BOTO_UBUNTU,
                         "acme-reports-111122223333", {"location": ""}, read_only=True, bytes_out=128))
        t += timedelta(seconds=1)
        self.add(api_call(ids, t, "athena.amazonaws.com", "StartQueryExecution", "us-east-1", ident,
                          REPORTING_IP, UA_BOTO_UBUNTU,
                          request={"queryString": "SELECT region, sum(amount) FROM sales.daily GROUP BY 1",
                                   "queryExecutionContext": {"database": "sales"},
                                   "resultConfiguration": {"outputLocation": "s3://acme-reports-111122223333/athena/"},
                                   "workGroup": "primary", "clientRequestToken": ids.uuid()},
                          response={"queryExecutionId": qid}))
        for _ in range(3):
            t += timedelta(seconds=2)
            self.add(api_call(ids, t, "athena.amazonaws.com", "GetQueryExecution", "us-east-1", ident,
                              REPORTING_IP, UA_BOTO_UBUNTU, request={"queryExecutionId": qid}, read_only=True))
        t += timedelta(seconds=1)
        self.add(api_call(ids, t, "athena.amazonaws.com", "GetQueryResults", "us-east-1", ident,
                          REPORTING_IP, UA_BOTO_UBUNTU, request={"queryExecutionId": qid, "maxResults": 1000},
                          read_only=True))

    def kms_rotation(self, t):
        ids = self.ids
        key_arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"
        ev = api_call(ids, t, "kms.amazonaws.com", "RotateKey", "us-east-1",
                      {"accountId": ACCOUNT, "invokedBy": "kms.amazonaws.com"}, "kms.amazonaws.com",
                      "kms.amazonaws.com", request=None, event_type="AwsServiceEvent", tls=False,
                      resources=[{"accountId": ACCOUNT, "type": "AWS::KMS::Key", "ARN": key_arn}])
        ev["serviceEventDetails"] = {"keyId": key_arn.rsplit("/", 1)[1]}
        del ev["requestParameters"], ev["responseElements"]
        self.add(ev)

    def second_account(self):
        ids, rng = self.ids, self.rng
        for day in (DAY1, DAY2):
            for hour in range(0, 24, 4):
                self.config_poll(day + timedelta(hours=hour, minutes=17), "us-east-1", account=OTHER_ACCOUNT)
            # alice reads the sandbox account through a cross-account read-only role
            t = day + timedelta(hours=11, minutes=rng.randrange(60))
            key = ids.access_key("ASIA")
            ident = assumed_role("OrganizationReadOnly", "AROAQRSTUVWXYZORGRO01", "alice", key, t,
                                 account=OTHER_ACCOUNT, mfa=True)
            for name, req in (("DescribeInstances", {"instancesSet": {}, "filterSet": {}}),
                              ("DescribeVolumes", {"volumeSet": {}, "filterSet": {}})):
                t += timedelta(seconds=rng.randrange(5, 90))
                self.add(api_call(ids, t, "ec2.amazonaws.com", name, "us-east-1", ident, EMPLOYEES[0][2],
                                  UA_CONSOLE, request=req, read_only=True, account=OTHER_ACCOUNT, console=True),
                         account=OTHER_ACCOUNT)

    # -- attack stories ----------------------------------------------------------------------

    def story_leaked_key(self, t):
        """(a) svc-reporting's leaked key used from a Kali host; backdoor user; logging stopped."""
        ids = self.ids
        me = iam_user("svc-reporting", "AIDAQRSTUVWXYZ9SVCREP", REPORTING_KEY)
        ip = ATTACKER_IP

        def call(source, name, request=None, response=None, ro=True, error=None, region="us-east-1",
                 ident=me, step=17):
            nonlocal t
            t += timedelta(seconds=step)
            return self.add(api_call(ids, t, source, name, region, ident, ip,
                                     UA_CLI_KALI.format(cmd=f"{source.split('.')[0]}.{kebab(name)}"),
                                     request=request, response=response, read_only=ro, error=error),
                            story="a")

        def denied(action, resource):
            return ("AccessDenied", f"User: arn:aws:iam::{ACCOUNT}:user/svc-reporting is not authorized to"
                    f" perform: {action} on resource: {resource} because no identity-based policy allows"
                    f" the {action} action")

        call("sts.amazonaws.com", "GetCallerIdentity", step=0)
        call("iam.amazonaws.com", "ListUsers", {"maxItems": 1000})
        call("iam.amazonaws.com", "ListRoles", {"maxItems": 1000},
             error=denied("iam:ListRoles", f"arn:aws:iam::{ACCOUNT}:role/"))
        call("iam.amazonaws.com", "GetAccountAuthorizationDetails", {"maxItems": 1000},
             error=denied("iam:GetAccountAuthorizationDetails", "*"))
        call("iam.amazonaws.com", "ListAttachedUserPolicies", {"userName": "svc-reporting"})
        t += timedelta(seconds=9)
        self.add(s3_call(ids, t, "ListBuckets", "us-east-1", me, ip,
                         UA_CLI_KALI.format(cmd="s3api.list-buckets"), None, {}, read_only=True,
                         bytes_out=2211), story="a")
        call("ec2.amazonaws.com", "DescribeInstances", {"instancesSet": {}, "filterSet": {}},
             region="eu-west-1",
             error=("Client.UnauthorizedOperation", "You are not authorized to perform this operation. User:"
                    f" arn:aws:iam::{ACCOUNT}:user/svc-reporting is not authorized to perform:"
                    " ec2:DescribeInstances because no identity-based policy allows the"
                    " ec2:DescribeInstances action"))
        call("iam.amazonaws.com", "CreateUser", {"userName": "backup-admin"},
             {"user": {"path": "/", "userName": "backup-admin", "userId": "AIDAQRSTUVWXYZBKADM01",
                       "arn": f"arn:aws:iam::{ACCOUNT}:user/backup-admin", "createDate": iam_date(t)}},
             ro=False, step=95)
        call("iam.amazonaws.com", "CreateAccessKey", {"userName": "backup-admin"},
             {"accessKey": {"userName": "backup-admin", "accessKeyId": BACKDOOR_KEY, "status": "Active",
                            "createDate": iam_date(t)}}, ro=False, step=12)
        call("iam.amazonaws.com", "AttachUserPolicy",
             {"userName": "backup-admin", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
             ro=False, step=14)
        backdoor = iam_user("backup-admin", "AIDAQRSTUVWXYZBKADM01", BACKDOOR_KEY)
        call("sts.amazonaws.com", "GetCallerIdentity", ident=backdoor, step=240)
        call("guardduty.amazonaws.com", "ListDetectors", {"maxResults": 50}, ident=backdoor)
        call("guardduty.amazonaws.com", "DeleteDetector", {"detectorId": DETECTOR}, ro=False, ident=backdoor)
        call("cloudtrail.amazonaws.com", "DescribeTrails", {"trailNameList": [], "includeShadowTrails": True},
             ident=backdoor)
        call("cloudtrail.amazonaws.com", "StopLogging", {"name": TRAIL_ARN}, ro=False, ident=backdoor)
        return t

    def story_public_bucket(self, t):
        """(b) dave opens a bucket to the internet from his laptop with the CLI."""
        ids = self.ids
        name, uid, ip, _ = EMPLOYEES[2]
        ident = iam_user(name, uid, "AKIAQRSTUVWXYZDAVEK1")
        bucket = "acme-marketing-assets-111122223333"
        ua = lambda api: UA_CLI_MAC.format(cmd=f"s3api.{kebab(api)}")
        self.add(s3_call(ids, t, "GetBucketPublicAccessBlock", "us-east-1", ident, ip,
                         ua("GetBucketPublicAccessBlock"), bucket, {"publicAccessBlock": ""},
                         read_only=True, bytes_out=338), story="b")
        t += timedelta(seconds=48)
        self.add(s3_call(ids, t, "DeleteBucketPublicAccessBlock", "us-east-1", ident, ip,
                         ua("DeleteBucketPublicAccessBlock"), bucket, {"publicAccessBlock": ""}),
                 story="b")
        t += timedelta(seconds=71)
        policy = {"Version": "2012-10-17", "Statement": [{
            "Sid": "PublicReadForWebsite", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{bucket}/*"}]}
        self.add(s3_call(ids, t, "PutBucketPolicy", "us-east-1", ident, ip, ua("PutBucketPolicy"), bucket,
                         {"bucketPolicy": policy, "policy": ""}, bytes_in=187), story="b")
        t += timedelta(seconds=30)
        self.add(s3_call(ids, t, "GetBucketPolicyStatus", "us-east-1", ident, ip, ua("GetBucketPolicyStatus"),
                         bucket, {"policyStatus": ""}, read_only=True, bytes_out=152), story="b")

    def story_root(self, t):
        """(c) root signs in without MFA from an unusual address and creates a root access key."""
        ids = self.ids
        ip, browser = ROOT_ATTACKER_IP, UA_BROWSER_WIN
        bare_root = root()
        ev = api_call(ids, t, "signin.amazonaws.com", "CredentialVerification", "us-east-1", bare_root, ip,
                      browser, request=None, event_type="AwsServiceEvent")
        ev["serviceEventDetails"] = {"CredentialVerification": "Success"}
        ev["additionalEventData"] = {"CredentialType": "PASSWORD"}
        self.add(ev, story="c")
        t += timedelta(seconds=3)
        self.add(console_login(ids, t, root(key=""), ip, browser, mfa=False, root_user=True), story="c")
        session = root(key="ASIAQRSTUVWXYZROOTS3", created=t, mfa=False)
        for name, req, step in (("GetAccountSummary", None, 14), ("ListAccessKeys", None, 37),
                                ("ListMFADevices", None, 6)):
            t += timedelta(seconds=step)
            self.add(api_call(ids, t, "iam.amazonaws.com", name, "us-east-1", session, ip, UA_CONSOLE,
                              request=req, read_only=True, console=True), story="c")
        t += timedelta(seconds=22)
        self.add(api_call(ids, t, "iam.amazonaws.com", "CreateAccessKey", "us-east-1", session, ip,
                          UA_CONSOLE, request=None,
                          response={"accessKey": {"accessKeyId": ROOT_KEY, "status": "Active",
                                                  "createDate": iam_date(t)}},
                          console=True), story="c")
        t += timedelta(minutes=6, seconds=12)
        self.add(api_call(ids, t, "sts.amazonaws.com", "GetCallerIdentity", "us-east-1", root(key=ROOT_KEY),
                          ip, UA_PYTHON_ROOTKEY, read_only=True), story="c")

    def story_public_snapshot(self, t):
        """(d) an EBS snapshot of the orders database volume is shared with everyone (eu-west-1)."""
        ids = self.ids
        name, uid, ip, _ = EMPLOYEES[2]
        ident = iam_user(name, uid, "AKIAQRSTUVWXYZDAVEK1")
        ua = lambda api: UA_CLI_MAC.format(cmd=f"ec2.{kebab(api)}")
        snap = "snap-0d4c3b2a1f0e9d8c7"
        self.add(api_call(ids, t, "ec2.amazonaws.com", "DescribeSnapshots", "eu-west-1", ident, ip,
                          ua("DescribeSnapshots"),
                          request={"snapshotSet": {"items": [{"snapshotId": snap}]}, "ownersSet": {},
                                   "restorableBySet": {}, "filterSet": {}}, read_only=True), story="d")
        t += timedelta(seconds=25)
        self.add(api_call(ids, t, "ec2.amazonaws.com", "ModifySnapshotAttribute", "eu-west-1", ident, ip,
                          ua("ModifySnapshotAttribute"),
                          request={"snapshotId": snap, "attributeType": "CREATE_VOLUME_PERMISSION",
                                   "createVolumePermission": {"add": {"items": [{"group": "all"}]}}},
                          response={"requestId": ids.uuid(), "_return": True}), story="d")
        t += timedelta(seconds=9)
        self.add(api_call(ids, t, "ec2.amazonaws.com", "DescribeSnapshotAttribute", "eu-west-1", ident, ip,
                          ua("DescribeSnapshotAttribute"),
                          request={"snapshotId": snap, "attributeType": "CREATE_VOLUME_PERMISSION"},
                          read_only=True), story="d")

    def story_logging_restored(self, t):
        """bob notices the silence and restarts the trail (ends the gap left by story a)."""
        ids = self.ids
        name, uid, ip, browser = EMPLOYEES[1]
        self.add(console_login(ids, t, iam_user_signin(name, uid), ip, browser, mfa=True), story="a-response")
        ident = iam_user(name, uid, "ASIAQRSTUVWXYZBOBINC", session_from=t, mfa=True)
        t += timedelta(seconds=95)
        self.add(api_call(ids, t, "cloudtrail.amazonaws.com", "GetTrailStatus", "us-east-1", ident, ip,
                          UA_CONSOLE, request={"name": TRAIL_ARN}, read_only=True, console=True),
                 story="a-response")
        t += timedelta(seconds=20)
        self.add(api_call(ids, t, "cloudtrail.amazonaws.com", "StartLogging", "us-east-1", ident, ip,
                          UA_CONSOLE, request={"name": TRAIL_ARN}, console=True), story="a-response")

    # -- assembly ---------------------------------------------------------------------------

    def build(self):
        rng = self.rng
        for day in (DAY1, DAY2):
            for name, uid, ip, browser in EMPLOYEES:
                self.employee_day(day, name, uid, ip, browser)
            for hour in range(24):
                self.config_poll(day + timedelta(hours=hour, minutes=3, seconds=rng.randrange(50)), "us-east-1")
                if hour % 3 == 0:
                    self.config_poll(day + timedelta(hours=hour, minutes=9, seconds=rng.randrange(50)),
                                     "eu-west-1")
            for i, hour in enumerate((7, 9, 10, 11, 13, 14, 15, 16)):
                region = "eu-west-1" if i % 4 == 1 else "us-east-1"
                self.ci_run(day + timedelta(hours=hour, minutes=rng.randrange(60)), region,
                            8800 + (day - DAY1).days * 10 + i)
            self.reporting_job(day)
        self.kms_rotation(DAY1 + timedelta(hours=4, minutes=12, seconds=9))
        self.story_root(DAY1 + timedelta(hours=3, minutes=47, seconds=12))
        self.story_public_bucket(DAY1 + timedelta(hours=14, minutes=21, seconds=5))
        self.story_public_snapshot(DAY2 + timedelta(hours=10, minutes=5, seconds=40))
        stop = self.story_leaked_key(DAY2 + timedelta(hours=20, minutes=41, seconds=3))
        restart = DAY2 + timedelta(hours=22, minutes=31, seconds=20)
        self.story_logging_restored(restart)
        # the stopped trail delivers nothing between StopLogging and StartLogging
        start_logging = self.stories["a-response"][-1]["eventTime"]
        self.events = [
            (acct, region, ev) for acct, region, ev in self.events
            if acct != ACCOUNT or not (iso(stop) < ev["eventTime"] < start_logging)
        ]
        for story in self.stories.values():
            story[:] = [ev for ev in story if not (iso(stop) < ev["eventTime"] < start_logging)]
        self.second_account()
        return self


def delivery_files(org):
    """Groups events the way CloudTrail delivers them: per account and region, ~5-minute files."""
    rng = random.Random(SEED + 2)
    groups = {}
    for account, region, ev in org.events:
        when = datetime.strptime(ev["eventTime"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        window = when - timedelta(minutes=when.minute % 5, seconds=when.second)
        groups.setdefault((account, region, window), []).append(ev)
    files = []
    for (account, region, window), evs in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        delivered = window + timedelta(minutes=5 + rng.randrange(0, 4))
        evs = sorted(evs, key=lambda e: (e["eventTime"], e["eventID"]))
        rng.shuffle(evs)  # CloudTrail does not order events inside a file
        suffix = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(16))
        rel = os.path.join("AWSLogs", account, "CloudTrail", region, delivered.strftime("%Y"),
                           delivered.strftime("%m"), delivered.strftime("%d"),
                           f"{account}_CloudTrail_{region}_{delivered.strftime('%Y%m%dT%H%MZ')}_{suffix}.json.gz")
        files.append((rel, evs))
    return files


def write(out_dir):
    org = Org(SEED).build()
    target = os.path.join(out_dir, "AWSLogs")
    if os.path.isdir(target):
        shutil.rmtree(target)
    files = delivery_files(org)
    for rel, evs in files:
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        body = json.dumps({"Records": evs}, separators=(",", ":")).encode("utf-8")
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(body)
        with open(path, "wb") as f:
            f.write(buf.getvalue())
    return org, files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    org, files = write(os.path.join(here, "logs"))
    count = sum(len(evs) for _, evs in files)
    print(f"wrote {count} events in {len(files)} files under {os.path.join(here, 'logs', 'AWSLogs')}")
    for story in sorted(org.stories):
        for ev in org.stories[story]:
            print(story, ev["eventTime"], ev["eventName"], ev["eventID"], ev.get("errorCode", ""))


if __name__ == "__main__":
    main()
