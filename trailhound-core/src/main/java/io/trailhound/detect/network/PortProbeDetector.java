package io.trailhound.detect.network;

import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Recon:EC2/PortProbeUnprotectedPort} and {@code …EMRUnprotectedPort}: a port of the
 * interface that the security group lets the internet reach, being probed. Per interface, port and
 * UTC day, counts distinct internet sources whose accepted inbound flows were probe-sized (at most
 * {@code probe_packets} packets); many distinct sources on one port is what scanners produce. Ports
 * meant to be public ({@code expected_public_ports}, e.g. 80 and 443) are left out; EMR master
 * ports are reported as the EMR type, at high severity.
 */
final class PortProbeDetector implements FlowDetector {

  static final String ID = "net-port-probe";
  private static final long DAY = 86_400;

  private record Key(String iface, int port, long day) {}

  private static final class State {
    final Tally tally = new Tally();
    final Distinct sources = new Distinct();
  }

  private final long probePackets;
  private final long minSources;
  private final Set<Integer> expected;
  private final Set<Integer> emr;
  private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

  PortProbeDetector(Params p) {
    probePackets = p.whole("probe_packets", 3);
    minSources = p.whole("min_sources", 5);
    expected = p.ports("expected_public_ports", List.of(80, 443));
    emr =
        p.ports(
            "emr_ports", List.of(8088, 8890, 18080, 20888, 8998, 9870, 50070, 16010, 8042, 19888));
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.action() != FlowAction.ACCEPT
        || r.protocol() != FlowRecord.TCP
        || f.direction != FlowDirection.INGRESS
        || f.srcPrivate
        || expected.contains(r.dstPort())
        || r.dstPort() > r.srcPort()
        || r.packets() > probePackets * Math.max(1, r.flows())) {
      return;
    }
    State s =
        states.computeIfAbsent(
            new Key(f.iface, r.dstPort(), Flows.window(r.start(), DAY)), k -> new State());
    s.sources.add(r.srcAddr() >= 0 ? r.srcAddr() : r.srcText().hashCode());
    s.tally.add(r, r.srcAddr(), r.srcAddr6());
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        (k, s) -> {
          long sources = s.sources.estimate();
          if (sources < minSources) {
            return;
          }
          Tally t = s.tally;
          boolean isEmr = emr.contains(k.port());
          String actor = Flows.actor(t.instance, t.iface, k.iface());
          String text =
              "port "
                  + k.port()
                  + (isEmr ? " (an EMR master port)" : "")
                  + " of "
                  + actor
                  + " accepted probes from "
                  + s.sources.text()
                  + " internet addresses ("
                  + Flows.number(t.count)
                  + " flows) within "
                  + Flows.span(t.last - t.first)
                  + ", e.g. "
                  + String.join(", ", t.remoteTexts().stream().limit(3).toList())
                  + "; the security group leaves it open to them";
          out.add(
              t.alert(
                  ID,
                  isEmr
                      ? "Recon:EC2/PortProbeEMRUnprotectedPort"
                      : "Recon:EC2/PortProbeUnprotectedPort",
                  isEmr ? "high" : null,
                  actor,
                  t.remoteTexts(),
                  k.day(),
                  text));
        });
    return out;
  }
}
