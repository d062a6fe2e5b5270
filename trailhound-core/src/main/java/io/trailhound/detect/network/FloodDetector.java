package io.trailhound.detect.network;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Backdoor:EC2/DenialOfService.*}: an interface sending floods to the internet. Per
 * interface, flood class and minute (of the flow's start), sums each flow's packet rate (packets
 * over its duration) and counts distinct targets; a minute at or above {@code min_pps} to at most
 * {@code max_targets} hosts is a flood. Classes: DNS (to port 53), UDP to ports that serve TCP,
 * other UDP, TCP (SYN-only or tiny packets: not a busy server's replies) and unusual IP protocols
 * (lower threshold, {@code min_pps_unusual}).
 */
final class FloodDetector implements FlowDetector {

  static final String ID = "net-dos";
  private static final long MINUTE = 60;

  enum Kind {
    TCP("Backdoor:EC2/DenialOfService.Tcp", "TCP"),
    UDP("Backdoor:EC2/DenialOfService.Udp", "UDP"),
    UDP_ON_TCP("Backdoor:EC2/DenialOfService.UdpOnTcpPorts", "UDP to TCP service ports"),
    DNS("Backdoor:EC2/DenialOfService.Dns", "DNS"),
    UNUSUAL("Backdoor:EC2/DenialOfService.UnusualProtocol", "unusual-protocol");

    final String type;
    final String label;

    Kind(String type, String label) {
      this.type = type;
      this.label = label;
    }
  }

  /** One (interface, class, minute): its tally, targets and packet rate, with the key. */
  private static final class State extends Tally {
    final String key;
    final Kind kind;
    final long minute;
    final Distinct targets = new Distinct();
    double pps;
    int protocol = -1;

    State(String key, Kind kind, long minute) {
      this.key = key;
      this.kind = kind;
      this.minute = minute;
    }

    void rate(double rate, int proto) {
      pps += rate;
      protocol = protocol < 0 ? proto : Math.min(protocol, proto);
    }
  }

  private static final Set<Integer> NORMAL = Set.of(1, 6, 17, 58, 47, 50, 51);

  private final double minPps;
  private final double minPpsUnusual;
  private final long maxTargets;
  private final Set<Integer> tcpPorts;
  private final OpenTable<State> states = new OpenTable<>();

  FloodDetector(Params p) {
    minPps = p.number("min_pps", 10_000);
    minPpsUnusual = p.number("min_pps_unusual", 1_000);
    maxTargets = p.whole("max_targets", 5);
    tcpPorts =
        p.ports(
            "tcp_ports",
            List.of(21, 22, 23, 25, 80, 110, 143, 443, 445, 1433, 3306, 3389, 5432, 8080, 8443));
  }

  private Kind kind(FlowRecord r) {
    int p = r.protocol();
    if (p == FlowRecord.UDP) {
      if (r.dstPort() == 53) {
        return Kind.DNS;
      }
      return tcpPorts.contains(r.dstPort()) ? Kind.UDP_ON_TCP : Kind.UDP;
    }
    if (p == FlowRecord.TCP) {
      if (r.dstPort() == 53) {
        return Kind.DNS;
      }
      boolean synOnly = r.tcpFlags() == 2;
      boolean tiny = r.packets() > 0 && r.bytes() >= 0 && r.bytes() / r.packets() <= 64;
      return synOnly || tiny ? Kind.TCP : null;
    }
    return p >= 0 && !NORMAL.contains(p) ? Kind.UNUSUAL : null;
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.packets() <= 0 || f.dstPrivate) {
      return;
    }
    if (f.direction != FlowDirection.EGRESS) {
      return;
    }
    Kind kind = kind(r);
    if (kind == null) {
      return;
    }
    double rate = (double) r.packets() / r.seconds();
    if (rate < 1) {
      return;
    }
    long minute = Flows.window(r.start(), MINUTE);
    int h = OpenTable.hash(f.iface, minute, null, kind.ordinal());
    int i = states.start(h);
    State s;
    while ((s = states.at(i)) != null
        && !(states.hashAt(i) == h
            && s.minute == minute
            && s.kind == kind
            && (s.key == f.iface || s.key.equals(f.iface)))) {
      i = states.next(i);
    }
    if (s == null) {
      s = new State(f.iface, kind, minute);
      states.put(i, h, s);
    }
    s.rate(rate, r.protocol());
    s.targets.add(r.dstAddr() >= 0 ? r.dstAddr() : r.dstText().hashCode());
    s.add(r, r.dstAddr(), r.dstAddr6());
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        s -> {
          State k = s;
          double threshold = k.kind == Kind.UNUSUAL ? minPpsUnusual : minPps;
          long targets = s.targets.estimate();
          if (s.pps < threshold || targets > maxTargets) {
            return;
          }
          Tally t = s;
          String actor = Flows.actor(t.instance, t.iface, k.key);
          String text =
              actor
                  + " sent "
                  + Flows.number(t.packets)
                  + " "
                  + k.kind.label
                  + (k.kind == Kind.UNUSUAL ? " (" + Flows.protocol(s.protocol) + ")" : "")
                  + " packets ("
                  + Flows.number(t.bytes)
                  + " bytes, about "
                  + String.format(Locale.ROOT, "%,.0f", s.pps)
                  + " packets/s) to "
                  + s.targets.text()
                  + " internet host(s) ("
                  + String.join(", ", t.remoteTexts())
                  + ") in the minute from "
                  + Flows.time(k.minute)
                  + ": a flood it takes part in";
          out.add(t.alert(ID, k.kind.type, null, actor, t.remoteTexts(), k.minute, text));
        });
    return out;
  }
}
