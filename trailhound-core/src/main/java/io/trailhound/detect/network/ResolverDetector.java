package io.trailhound.detect.network;

import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS that bypasses the VPC resolver (whose queries flow logs never show, so any port-53 flow to
 * the internet is to another resolver): {@code DefenseEvasion:EC2/UnusualDNSResolver} (port 53 to a
 * resolver not in {@code allowed_resolvers}), {@code …UnusualDoTActivity} (TCP 853) and {@code
 * …UnusualDoHActivity} (HTTPS to a public DNS-over-HTTPS resolver in {@code doh_resolvers}).
 */
final class ResolverDetector implements FlowDetector {

  static final String ID = "net-unusual-resolver";
  private static final long DAY = 86_400;

  private record Key(String type, String iface, long day) {}

  private final List<String> allowed;
  private final List<String> doh;
  private final java.util.Set<Long> allowedV4;
  private final java.util.Set<Long> dohV4;
  private final ConcurrentHashMap<Key, Tally> states = new ConcurrentHashMap<>();

  ResolverDetector(Params p) {
    allowed = p.strings("allowed_resolvers", List.of());
    doh =
        p.strings(
            "doh_resolvers",
            List.of(
                "1.1.1.1",
                "1.0.0.1",
                "8.8.8.8",
                "8.8.4.4",
                "9.9.9.9",
                "149.112.112.112",
                "208.67.222.222",
                "208.67.220.220",
                "94.140.14.14",
                "94.140.15.15",
                "45.90.28.0"));
    allowedV4 = v4(allowed);
    dohV4 = v4(doh);
  }

  private static java.util.Set<Long> v4(List<String> addresses) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (String a : addresses) {
      long v = io.trailhound.event.net.Addresses.parse(a);
      if (v >= 0) {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean listed(List<String> texts, java.util.Set<Long> v4, FlowRecord r) {
    return r.dstAddr() >= 0 ? v4.contains(r.dstAddr()) : texts.contains(r.dstText());
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.action() != FlowAction.ACCEPT || f.dstPrivate || f.direction != FlowDirection.EGRESS) {
      return;
    }
    int port = r.dstPort();
    String type;
    if (port == 53 && (r.protocol() == FlowRecord.UDP || r.protocol() == FlowRecord.TCP)) {
      type = "DefenseEvasion:EC2/UnusualDNSResolver";
    } else if (port == 853 && r.protocol() == FlowRecord.TCP) {
      type = "DefenseEvasion:EC2/UnusualDoTActivity";
    } else if (port == 443 && r.protocol() == FlowRecord.TCP) {
      type = "DefenseEvasion:EC2/UnusualDoHActivity";
    } else {
      return;
    }
    boolean doH = type.endsWith("DoHActivity");
    if (doH != (doH ? listed(doh, dohV4, r) : listed(allowed, allowedV4, r))) {
      return;
    }
    states
        .computeIfAbsent(new Key(type, f.iface, Flows.window(r.start(), DAY)), k -> new Tally())
        .add(r, r.dstAddr(), r.dstAddr6());
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        (k, t) -> {
          String actor = Flows.actor(t.instance, t.iface, k.iface());
          String what =
              k.type().endsWith("DNSResolver")
                  ? "plain DNS (port 53)"
                  : k.type().endsWith("DoTActivity") ? "DNS over TLS (TCP 853)" : "DNS over HTTPS";
          String text =
              actor
                  + " sent "
                  + what
                  + " to "
                  + String.join(", ", t.remoteTexts())
                  + " in "
                  + Flows.number(t.count)
                  + " flows ("
                  + Flows.number(t.bytes)
                  + " bytes) instead of using the VPC resolver; those lookups are invisible to Route 53"
                  + " Resolver query logs";
          out.add(t.alert(ID, k.type(), null, actor, t.remoteTexts(), k.day(), text));
        });
    return out;
  }
}
