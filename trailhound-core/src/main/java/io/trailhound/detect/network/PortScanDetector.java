package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Recon:EC2/Portscan} (one source probing many ports) and {@code Impact:EC2/PortSweep} (one
 * port probed across many hosts). Counts probe-like flows (rejected, or at most {@code
 * probe_packets} packets) that a source opened (its port above the destination's) within fixed
 * windows, per interface and source, with sketches of distinct ports, hosts and host:port pairs.
 */
final class PortScanDetector implements FlowDetector {

  static final String ID = "net-port-scan";

  /** One (interface, source, window): its tally and distinct counts, with the key. */
  private static final class State extends Tally {
    final String key;
    final long src;
    final String src6;
    final long window;
    final Distinct ports = new Distinct();
    final Distinct hosts = new Distinct();
    final Distinct pairs = new Distinct();

    State(String key, long src, String src6, long window) {
      this.key = key;
      this.src = src;
      this.src6 = src6;
      this.window = window;
    }
  }

  private final long window;
  private final long probePackets;
  private final long minPorts;
  private final long minHosts;
  private final long sweepMaxPorts;
  private final OpenTable<State> states = new OpenTable<>();

  PortScanDetector(Params p) {
    window = p.whole("window_minutes", 10) * 60;
    probePackets = p.whole("probe_packets", 3);
    minPorts = p.whole("min_ports", 50);
    minHosts = p.whole("min_hosts", 50);
    sweepMaxPorts = p.whole("sweep_max_ports", 2);
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if ((r.protocol() != FlowRecord.TCP && r.protocol() != FlowRecord.UDP)) {
      return;
    }
    FlowDirection d = f.direction;
    if (d == FlowDirection.INGRESS || !f.initiatedLocally) {
      return;
    }
    if (d == FlowDirection.UNKNOWN && !f.srcPrivate) {
      return;
    }
    boolean probe =
        r.action() == io.trailhound.event.net.FlowAction.REJECT
            || (r.packets() >= 0 && r.packets() <= probePackets * Math.max(1, r.flows()));
    if (!probe) {
      return;
    }
    long w = Flows.window(r.start(), window);
    int h = OpenTable.hash(f.iface, r.srcAddr(), r.srcAddr6(), w);
    int i = states.start(h);
    State s;
    while ((s = states.at(i)) != null
        && !(states.hashAt(i) == h
            && s.src == r.srcAddr()
            && s.window == w
            && (s.key == f.iface || s.key.equals(f.iface))
            && java.util.Objects.equals(s.src6, r.srcAddr6()))) {
      i = states.next(i);
    }
    if (s == null) {
      s = new State(f.iface, r.srcAddr(), r.srcAddr6(), w);
      states.put(i, h, s);
    }
    long host = r.dstAddr() == Addresses.IPV6 ? r.dstAddr6().hashCode() : r.dstAddr();
    s.ports.add(r.dstPort());
    s.hosts.add(host);
    s.pairs.add(host * 65536 + r.dstPort());
    s.add(r, null, null);
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        s -> {
          State k = s;
          long ports = s.ports.estimate();
          long hosts = s.hosts.estimate();
          String type = null;
          if (ports >= minPorts) {
            type = "Recon:EC2/Portscan";
          } else if (hosts >= minHosts && ports <= sweepMaxPorts) {
            type = "Impact:EC2/PortSweep";
          }
          if (type == null) {
            return;
          }
          Tally t = s;
          String src = k.src == Addresses.IPV6 ? k.src6 : Flows.address(k.src);
          String who = Flows.actor(t.instance, t.iface, null);
          String actor =
              who == null ? src : src + " (" + who.replace(" (", " / ").replace(")", "") + ")";
          String text =
              actor
                  + (type.startsWith("Recon")
                      ? " probed " + s.ports.text() + " ports on "
                      : " probed port(s) on ")
                  + s.hosts.text()
                  + " hosts in "
                  + Flows.span(t.last - t.first)
                  + " ("
                  + Flows.number(t.count)
                  + " probe flows, "
                  + s.pairs.text()
                  + " host:port pairs); "
                  + Flows.number(t.accepted)
                  + " accepted";
          out.add(t.alert(ID, type, null, actor, List.of(), k.window, text));
        });
    return out;
  }
}
