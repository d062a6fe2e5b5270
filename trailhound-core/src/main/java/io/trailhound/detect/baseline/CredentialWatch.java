package io.trailhound.detect.baseline;

import io.trailhound.event.Actor;
import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Credentials that belong to a resource — an EC2 instance's role session ({@code i-…} session name,
 * {@code ec2RoleDelivery}), a Lambda function's or ECS task's ({@code inScopeOf}) — used from
 * somewhere the resource is not.
 *
 * <p>An instance's own addresses are those it called from within {@code ownAddressWindow} of its
 * first call, private addresses (VPC endpoints) and addresses several instances of its account
 * share (a NAT gateway). Any other public address is: outside AWS when AWS's ranges are known and
 * do not contain it (or, without ranges, unless it is another account's instance's own address —
 * the heuristic); inside AWS when it is another account's instance's own address. A call through a
 * VPC endpoint owned by another account is inside AWS too. Resource credentials are judged only
 * with AWS's ranges (their addresses vary too much for the heuristic).
 */
final class CredentialWatch {

  static final String INSTANCE_OUTSIDE = "th-baseline-instance-credential-outside-aws";
  static final String INSTANCE_INSIDE = "th-baseline-instance-credential-inside-aws";
  static final String RESOURCE_OUTSIDE = "th-baseline-resource-credential-outside-aws";
  static final String RESOURCE_INSIDE = "th-baseline-resource-credential-inside-aws";

  static final Set<String> PATHS =
      Set.of(
          "userIdentity.sessionContext.ec2RoleDelivery",
          "userIdentity.inScopeOf.issuerType",
          "userIdentity.inScopeOf.sourceAccount",
          "vpcEndpointAccountId");

  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
  static final int MAX_ADDRESSES = 64;

  private final ConcurrentHashMap<String, CredentialSession> sessions;
  private final BaselineConfig config;
  private final java.util.concurrent.atomic.AtomicLong dropped =
      new java.util.concurrent.atomic.AtomicLong();

  CredentialWatch(BaselineConfig config, ProfileStore store) {
    this.config = config;
    this.sessions = store.sessions();
  }

  void observe(Event event, Observation o) {
    Actor a = o.view.actor();
    if (!"AssumedRole".equals(a.type()) || a.principalArn() == null) {
      return;
    }
    String issuerType = text(event, "userIdentity.inScopeOf.issuerType");
    boolean instance =
        a.sessionName() != null
            && a.sessionName().startsWith("i-")
            && INSTANCE_ID.matcher(a.sessionName()).matches()
            && ("Role".equals(a.sessionIssuerType())
                || text(event, "userIdentity.sessionContext.ec2RoleDelivery") != null);
    if (!instance && issuerType == null) {
      return;
    }
    CredentialSession s = sessions.get(a.principalArn());
    if (s == null) {
      if (sessions.size() >= ProfileStore.MAX_SESSIONS) {
        dropped.incrementAndGet();
        return;
      }
      String account = instance ? a.account() : text(event, "userIdentity.inScopeOf.sourceAccount");
      s =
          sessions.computeIfAbsent(
              a.principalArn(),
              k ->
                  new CredentialSession(
                      k, account != null ? account : a.account(), instance, issuerType));
    }
    String endpointAccount = text(event, "vpcEndpointAccountId");
    synchronized (s) {
      s.first = Math.min(s.first, o.time);
      s.last = Math.max(s.last, o.time);
      if (o.ip != null) {
        s.addresses.observe(o.ip, o.time, o, MAX_ADDRESSES);
      }
      if (endpointAccount != null
          && s.account != null
          && !endpointAccount.equals(s.account)
          && s.foreignEndpoints.size() < MAX_ADDRESSES) {
        s.foreignEndpoints.add(o.sighting());
        s.endpointAccounts.add(endpointAccount);
      }
    }
  }

  void evaluate(List<BaselineAlert> out) {
    List<CredentialSession> all = new ArrayList<>(sessions.values());
    all.sort(Comparator.comparing(s -> s.arn));
    long window = config.ownAddressWindow().toMillis();
    Map<String, Set<String>> ownersByAddress = new HashMap<>();
    Map<String, Set<String>> instancesByAddress = new HashMap<>();
    for (CredentialSession s : all) {
      if (!s.instance) {
        continue;
      }
      for (int i = 0; i < s.addresses.size(); i++) {
        String ip = (String) s.addresses.value(i);
        instancesByAddress.computeIfAbsent(ip, k -> new HashSet<>()).add(s.arn);
        if (s.addresses.first(i) <= s.first + window) {
          ownersByAddress.computeIfAbsent(ip, k -> new HashSet<>()).add(s.account);
        }
      }
    }
    for (CredentialSession s : all) {
      for (int i = 0; i < s.addresses.size(); i++) {
        String ip = (String) s.addresses.value(i);
        Sighting seen = s.addresses.sighting(i);
        if (seen == null || IpAddresses.isPrivate(ip)) {
          continue;
        }
        boolean own = s.addresses.first(i) <= s.first + window;
        Set<String> owners = ownersByAddress.getOrDefault(ip, Set.of());
        boolean sharedInAccount =
            owners.contains(s.account) && instancesByAddress.getOrDefault(ip, Set.of()).size() > 1;
        if (s.instance && (own || sharedInAccount)) {
          continue;
        }
        Set<String> otherAccounts = new HashSet<>(owners);
        otherAccounts.remove(s.account);
        AwsIpRanges ranges = config.awsRanges();
        String detector;
        String why;
        if (!otherAccounts.isEmpty()) {
          detector = s.instance ? INSTANCE_INSIDE : RESOURCE_INSIDE;
          why = "an address of an instance in account " + String.join(", ", otherAccounts);
        } else if (ranges != null && !ranges.contains(ip)) {
          detector = s.instance ? INSTANCE_OUTSIDE : RESOURCE_OUTSIDE;
          why = "an address outside AWS's published ranges";
        } else if (ranges == null && s.instance) {
          detector = INSTANCE_OUTSIDE;
          why =
              "not one of the instance's own addresses (no AWS ranges file given: judged by"
                  + " the instance's addresses alone)";
        } else {
          continue;
        }
        out.add(alert(s, detector, ip, seen, s.addresses.count(i), why, window));
      }
      for (int k = 0; k < s.foreignEndpoints.size(); k++) {
        Sighting seen = s.foreignEndpoints.get(k);
        String why = "through a VPC endpoint of account " + s.endpointAccounts.get(k);
        out.add(
            alert(
                s,
                s.instance ? INSTANCE_INSIDE : RESOURCE_INSIDE,
                "vpce:" + s.endpointAccounts.get(k),
                seen,
                1,
                why,
                window));
      }
    }
    for (CredentialSession s : all) {
      s.settle();
    }
  }

  /** Sessions not tracked because {@code MAX_SESSIONS} were already. */
  long dropped() {
    return dropped.get();
  }

  private static BaselineAlert alert(
      CredentialSession s,
      String detector,
      String subject,
      Sighting seen,
      long count,
      String why,
      long w) {
    String owner = s.instance ? "instance credentials" : s.issuerType + " credentials";
    String own = ownAddresses(s, w);
    String explanation =
        owner
            + " "
            + s.arn
            + " (account "
            + s.account
            + ") used from "
            + (seen.ip() == null ? "an endpoint" : seen.ip())
            + " at "
            + Explain.time(seen.time())
            + " ("
            + seen.service()
            + " "
            + seen.api()
            + ", "
            + Explain.count(count)
            + "): "
            + why
            + (s.instance ? "; the instance's own addresses: " + own : "")
            + ".";
    return new BaselineAlert(
        detector,
        ActorKind.PRINCIPAL,
        s.arn,
        subject,
        seen,
        List.of(seen.eventId()),
        Instant.ofEpochMilli(seen.time()),
        Instant.ofEpochMilli(seen.time()),
        Math.max(1, count),
        explanation);
  }

  private static String ownAddresses(CredentialSession s, long window) {
    List<String> own = new ArrayList<>();
    for (int i = 0; i < s.addresses.size(); i++) {
      if (s.addresses.first(i) <= s.first + window) {
        own.add((String) s.addresses.value(i));
      }
    }
    own.sort(null);
    return own.isEmpty() ? "none seen" : String.join(", ", own);
  }

  private static String text(Event event, String path) {
    for (FieldValue v : event.values(path)) {
      if (v instanceof FieldValue.Text t) {
        return t.value();
      }
    }
    return null;
  }
}
