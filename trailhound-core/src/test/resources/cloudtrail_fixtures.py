"""CloudTrail records for the test fixtures that the generate.py scripts beside this file write:
identities, events with a deterministic eventID (a UUID of the event's own content), JSON lines
sorted by time. Standard library only."""
import json, uuid
from datetime import datetime, timezone

ACCOUNT = "111122223333"
START = datetime(2026, 11, 1, tzinfo=timezone.utc)
NS = uuid.UUID("6f1c1d1e-0000-4000-8000-000000000000")


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def user(name, key):
    return {"type": "IAMUser", "principalId": "AIDA" + name.upper()[:12].ljust(12, "X"),
            "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}", "accountId": ACCOUNT,
            "accessKeyId": key, "userName": name}


def role_session(role, session, key="ASIAQRSTUVWXYZTEMP01", ec2=False, account=ACCOUNT):
    ctx = {"sessionIssuer": {"type": "Role", "principalId": "AROA" + role.upper()[:12].ljust(12, "X"),
                             "arn": f"arn:aws:iam::{account}:role/{role}", "accountId": account,
                             "userName": role},
           "attributes": {"creationDate": "2026-11-01T00:00:00Z", "mfaAuthenticated": "false"}}
    if ec2:
        ctx["ec2RoleDelivery"] = "2.0"
    return {"type": "AssumedRole", "principalId": "AROA" + role.upper()[:12].ljust(12, "X") + ":" + session,
            "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{session}", "accountId": account,
            "accessKeyId": key, "sessionContext": ctx}


def event(ident, t, source, name, ip, ua, region="us-east-1", error=None, params=None,
          read_only=None, etype="AwsApiCall", extra=None, data=False):
    e = {"eventVersion": "1.09", "userIdentity": ident, "eventTime": ts(t),
         "eventSource": source, "eventName": name, "awsRegion": region,
         "sourceIPAddress": ip, "userAgent": ua, "requestParameters": params,
         "responseElements": None, "eventID": "", "eventType": etype,
         "managementEvent": not data, "recipientAccountId": ACCOUNT,
         "eventCategory": "Data" if data else "Management"}
    if read_only is not None:
        e["readOnly"] = read_only
    if error:
        e["errorCode"] = error
        e["errorMessage"] = "User is not authorized to perform this operation"
    if extra:
        e.update(extra)
    e["eventID"] = str(uuid.uuid5(NS, json.dumps(e, sort_keys=True)))
    return e


def write(name, events):
    events.sort(key=lambda e: (e["eventTime"], e["eventID"]))
    with open(name, "w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(e, sort_keys=True) + "\n")
