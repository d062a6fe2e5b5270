package io.trailhound.detect.network;

import io.trailhound.event.net.DnsAnswer;
import io.trailhound.event.net.DnsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queries for listed domains ({@code dns-threat-intel}: C&amp;C, mining pools, phishing, drive-by,
 * drop points, black holes, reputation classes, the operator's own list), answers pointing at
 * listed black-hole or C&amp;C addresses, and DNS rebinding to the instance metadata service
 * ({@code dns-metadata-rebind}: a name outside AWS's own that resolves to 169.254.169.254). One
 * alert per detector, type, asking instance and UTC day.
 */
final class DnsIntelDetector implements DnsDetector {

  static final String ID = "dns-threat-intel";
  static final String REBIND_ID = "dns-metadata-rebind";
  private static final long DAY = 86_400;

  private record Key(String id, String type, String asker, long day) {}

  private final DomainReputation domains;
  private final IpReputation addresses;
  private final ConcurrentHashMap<Key, DnsTally> hits = new ConcurrentHashMap<>();

  DnsIntelDetector(DomainReputation domains, IpReputation addresses) {
    this.domains = domains;
    this.addresses = addresses;
  }

  static String type(ThreatKind kind) {
    return switch (kind) {
      case C2 -> "Backdoor:EC2/C&CActivity.B!DNS";
      case MINING -> "CryptoCurrency:EC2/BitcoinTool.B!DNS";
      case BITCOIN -> "Impact:EC2/BitcoinDomainRequest.Reputation";
      case CUSTOM -> "Impact:EC2/MaliciousDomainRequest.Custom";
      case SUSPICIOUS -> "Impact:EC2/SuspiciousDomainRequest.Reputation";
      case ABUSED -> "Impact:EC2/AbusedDomainRequest.Reputation";
      case BLACKHOLE -> "Trojan:EC2/BlackholeTraffic!DNS";
      case DRIVE_BY -> "Trojan:EC2/DriveBySourceTraffic!DNS";
      case DROP_POINT -> "Trojan:EC2/DropPoint!DNS";
      case PHISHING -> "Trojan:EC2/PhishingDomainRequest!DNS";
      default -> "Impact:EC2/MaliciousDomainRequest.Reputation";
    };
  }

  private static String level(ThreatKind kind) {
    return switch (kind) {
      case SUSPICIOUS -> "low";
      case C2, MINING, BITCOIN, MALICIOUS, DRIVE_BY, PHISHING -> "high";
      default -> null;
    };
  }

  @Override
  public void accept(DnsQuery q) {
    long day = Flows.window(q.time().getEpochSecond(), DAY);
    // One count per query and type, however many lists name the domain.
    java.util.TreeMap<ThreatKind, java.util.TreeSet<String>> byKind = new java.util.TreeMap<>();
    for (IntelMatch m : domains.domain(q.queryName())) {
      byKind
          .computeIfAbsent(m.kind(), k -> new java.util.TreeSet<>())
          .add(m.kind().label() + " on " + m.list() + " (" + m.indicator() + ")");
    }
    byKind.forEach(
        (kind, notes) ->
            hits.computeIfAbsent(
                    new Key(ID, type(kind), q.asker(), day), k -> new DnsTally(level(kind)))
                .add(q, q.queryName(), String.join("; ", notes)));
    for (DnsAnswer a : q.answers()) {
      String rdata = a.rdata();
      if (rdata.equals("169.254.169.254") || rdata.equalsIgnoreCase("fd00:ec2::254")) {
        if (!q.queryName().endsWith(".internal") && !q.queryName().endsWith(".amazonaws.com")) {
          hits.computeIfAbsent(
                  new Key(REBIND_ID, "UnauthorizedAccess:EC2/MetadataDNSRebind", q.asker(), day),
                  k -> new DnsTally(null))
              .add(q, q.queryName(), "answered " + rdata);
        }
        continue;
      }
      for (IntelMatch m : addresses.lookup(rdata)) {
        if (m.kind() == ThreatKind.BLACKHOLE || m.kind() == ThreatKind.C2) {
          hits.computeIfAbsent(
                  new Key(ID, type(m.kind()), q.asker(), day), k -> new DnsTally(level(m.kind())))
              .add(
                  q,
                  q.queryName(),
                  "answer " + rdata + " is " + m.kind().label() + " on " + m.list());
        }
      }
    }
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    hits.forEach(
        (k, t) -> {
          String text =
              k.id().equals(REBIND_ID)
                  ? k.asker()
                      + " resolved "
                      + String.join(", ", t.names)
                      + " to the instance metadata address ("
                      + String.join("; ", t.notes)
                      + ") "
                      + Flows.number(t.count)
                      + " times: DNS rebinding that lets a page or SSRF reach IMDS"
                  : k.asker()
                      + " queried "
                      + String.join(", ", t.names)
                      + " "
                      + Flows.number(t.count)
                      + " times ("
                      + Flows.number(t.nx)
                      + " NXDOMAIN): "
                      + String.join("; ", t.notes);
          out.add(t.alert(k.id(), k.type(), k.asker(), Instant.ofEpochSecond(k.day()), text));
        });
    return out;
  }
}
