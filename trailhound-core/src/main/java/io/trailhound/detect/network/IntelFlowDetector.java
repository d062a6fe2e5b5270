package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flows to or from listed addresses ({@code net-threat-intel-ip}: C&amp;C, mining pools, Tor, black
 * holes, drop points, XOR DDoS, the operator's own list), flows to mining-pool stratum ports
 * ({@code net-crypto-mining-port}), and interfaces relaying Tor traffic ({@code net-tor-relay}:
 * accepted inbound from and outbound to several Tor nodes the same day). One alert per detector,
 * type, instance and UTC day.
 */
final class IntelFlowDetector implements FlowDetector {

  static final String ID = "net-threat-intel-ip";
  static final String MINING_ID = "net-crypto-mining-port";
  static final String TOR_RELAY_ID = "net-tor-relay";
  private static final long DAY = 86_400;

  private record Key(String id, String type, String iface, long day) {}

  private record RelayKey(String iface, long day) {}

  private static final class Relay {
    final Tally tally = new Tally();
    final Distinct in = new Distinct();
    final Distinct out = new Distinct();
  }

  private final IpReputation intel;
  // Indexed by port: a lookup per record without boxing the port.
  private final boolean[] stratum = new boolean[65536];
  private final long relayMinNodes;
  private final ConcurrentHashMap<Key, Tally> hits = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RelayKey, Relay> relays = new ConcurrentHashMap<>();

  IntelFlowDetector(Params intelParams, Params mining, Params relay, IpReputation intel) {
    this.intel = intel;
    for (int port : mining.ports("stratum_ports", List.of(3333, 4444, 5555, 7777, 14444, 45700))) {
      if (port >= 0 && port < stratum.length) {
        stratum[port] = true;
      }
    }
    relayMinNodes = relay.whole("min_tor_nodes", 3);
  }

  static String type(ThreatKind kind, FlowDirection d) {
    return switch (kind) {
      case C2 -> "Backdoor:EC2/C&CActivity.B";
      case MINING -> "CryptoCurrency:EC2/BitcoinTool.B";
      case BITCOIN -> "CryptoCurrency:EC2/BitcoinTool.A";
      case TOR_GUARD, TOR_RELAY ->
          d == FlowDirection.INGRESS
              ? "UnauthorizedAccess:EC2/TorIPCaller"
              : "UnauthorizedAccess:EC2/TorClient";
      case TOR_EXIT ->
          d == FlowDirection.INGRESS
              ? "UnauthorizedAccess:EC2/TorIPCaller"
              : "UnauthorizedAccess:EC2/TorClient";
      case BLACKHOLE -> "Trojan:EC2/BlackholeTraffic";
      case DROP_POINT -> "Trojan:EC2/DropPoint";
      case XORDDOS -> "Backdoor:EC2/XORDDOS";
      default -> "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom";
    };
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    FlowDirection d = f.direction;
    if (d == FlowDirection.UNKNOWN) {
      d = f.srcPrivate ? FlowDirection.EGRESS : FlowDirection.INGRESS;
    }
    long remote = Flows.remote(r, d);
    List<IntelMatch> matches =
        remote == Addresses.IPV6 ? intel.lookup(Flows.remoteText(r, d)) : intel.lookup(remote);
    long day = Flows.window(r.start(), DAY);
    for (int j = 0; j < matches.size(); j++) {
      IntelMatch m = matches.get(j);
      String type = type(m.kind(), d);
      hits.computeIfAbsent(new Key(ID, type, f.iface, day), k -> new Tally())
          .add(
              r,
              Flows.remoteText(r, d),
              m.kind().label() + " on " + m.list() + " (" + m.indicator() + ")");
      if (m.kind() == ThreatKind.TOR_EXIT
          || m.kind() == ThreatKind.TOR_RELAY
          || m.kind() == ThreatKind.TOR_GUARD) {
        if (r.action() == FlowAction.ACCEPT) {
          Relay relay = relays.computeIfAbsent(new RelayKey(f.iface, day), k -> new Relay());
          (d == FlowDirection.INGRESS ? relay.in : relay.out)
              .add(remote >= 0 ? remote : Flows.remoteText(r, d).hashCode());
          relay.tally.add(r, Flows.remoteText(r, d), null);
        }
      }
    }
    if (d == FlowDirection.EGRESS
        && r.action() == FlowAction.ACCEPT
        && r.protocol() == FlowRecord.TCP
        && r.dstPort() >= 0
        && stratum[r.dstPort()]
        && !f.dstPrivate) {
      hits.computeIfAbsent(
              new Key(MINING_ID, "CryptoCurrency:EC2/BitcoinTool.B", f.iface, day),
              k -> new Tally())
          .add(r, r.dstText() + ":" + r.dstPort(), "port " + r.dstPort());
    }
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    hits.forEach(
        (k, t) -> {
          String actor = Flows.actor(t.instance, t.iface, k.iface());
          String text =
              k.id().equals(MINING_ID)
                  ? actor
                      + " held "
                      + Flows.number(t.count)
                      + " accepted TCP connections to mining-pool stratum ports ("
                      + String.join(", ", t.notes)
                      + ") at "
                      + String.join(", ", t.remotes)
                      + ", sending "
                      + Flows.number(t.bytes)
                      + " bytes in "
                      + Flows.span(t.last - t.first)
                  : actor
                      + " exchanged "
                      + Flows.number(t.count)
                      + " flows ("
                      + Flows.number(t.accepted)
                      + " accepted, "
                      + Flows.number(t.bytes)
                      + " bytes) with listed addresses "
                      + String.join(", ", t.remotes)
                      + ": "
                      + String.join("; ", t.notes);
          out.add(alert(k.id(), k.type(), t, actor, k.day(), text));
        });
    relays.forEach(
        (k, r) -> {
          long in = r.in.estimate();
          long outNodes = r.out.estimate();
          if (in < relayMinNodes || outNodes < relayMinNodes) {
            return;
          }
          Tally t = r.tally;
          String actor = Flows.actor(t.instance, t.iface, k.iface());
          String text =
              actor
                  + " accepted connections from "
                  + r.in.text()
                  + " Tor nodes and opened connections to "
                  + r.out.text()
                  + " Tor nodes the same day ("
                  + Flows.number(t.bytes)
                  + " bytes): it is relaying Tor traffic";
          out.add(alert(TOR_RELAY_ID, "UnauthorizedAccess:EC2/TorRelay", t, actor, k.day(), text));
        });
    return out;
  }

  private static NetworkAlert alert(
      String id, String type, Tally t, String actor, long window, String text) {
    return t.alert(id, type, null, actor, new ArrayList<>(t.remotes), window, text);
  }
}
