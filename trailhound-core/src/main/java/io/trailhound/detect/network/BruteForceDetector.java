package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code UnauthorizedAccess:EC2/SSHBruteForce}, {@code …RDPBruteForce} and {@code
 * Impact:EC2/WinRMBruteForce}, in both directions: counts TCP connections from one address to one
 * interface's service port (inbound: the instance is the target) or from the interface to one
 * remote service port (outbound: the instance is the attacker, reported at high severity), per UTC
 * hour. Rollups count the flows they stand for.
 */
final class BruteForceDetector implements FlowDetector {

  static final String ID = "net-brute-force";
  private static final long HOUR = 3600;

  private record Key(
      String iface,
      long attacker,
      String attacker6,
      long target,
      String target6,
      int port,
      FlowDirection d,
      long hour) {
    String attackerText() {
      return attacker == Addresses.IPV6 ? attacker6 : Addresses.format(attacker);
    }

    String targetText() {
      return target == Addresses.IPV6 ? target6 : Addresses.format(target);
    }
  }

  private final long minAttempts;
  private final ConcurrentHashMap<Key, Tally> states = new ConcurrentHashMap<>(1 << 12);

  BruteForceDetector(Params p) {
    minAttempts = p.whole("min_attempts", 20);
  }

  private static String service(int port) {
    return switch (port) {
      case 22 -> "SSH";
      case 3389 -> "RDP";
      case 5985, 5986 -> "WinRM";
      default -> null;
    };
  }

  @Override
  public void accept(FlowRecord r) {
    if (!r.hasTraffic() || r.protocol() != FlowRecord.TCP || service(r.dstPort()) == null) {
      return;
    }
    FlowDirection d = r.resolvedDirection();
    Key k =
        new Key(
            r.interfaceKey(),
            r.srcAddr(),
            r.srcAddr6(),
            r.dstAddr(),
            r.dstAddr6(),
            r.dstPort(),
            d,
            Flows.window(r.start(), HOUR));
    Tally t = states.get(k);
    if (t == null) {
      t = states.computeIfAbsent(k, x -> new Tally());
    }
    t.add(r, null, null);
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        (k, t) -> {
          if (t.count < minAttempts) {
            return;
          }
          String svc = service(k.port());
          String type =
              switch (svc) {
                case "SSH" -> "UnauthorizedAccess:EC2/SSHBruteForce";
                case "RDP" -> "UnauthorizedAccess:EC2/RDPBruteForce";
                default -> "Impact:EC2/WinRMBruteForce";
              };
          String me = Flows.actor(t.instance, t.iface, k.iface());
          boolean inbound = k.d() == FlowDirection.INGRESS;
          String actor = inbound ? k.attackerText() : me;
          String text =
              (inbound ? k.attackerText() + " made " : me + " (" + k.attackerText() + ") made ")
                  + Flows.number(t.count)
                  + " "
                  + svc
                  + " connection attempts to "
                  + (inbound ? me + " (" + k.targetText() + ")" : k.targetText())
                  + " on port "
                  + k.port()
                  + " within "
                  + Flows.span(t.last - t.first)
                  + "; "
                  + Flows.number(t.accepted)
                  + " accepted"
                  + (inbound ? "; the instance is the target" : "; the instance is the attacker");
          out.add(
              t.alert(
                  ID,
                  type,
                  inbound ? null : "high",
                  actor,
                  List.of(inbound ? k.attackerText() : k.targetText()),
                  k.hour(),
                  text));
        });
    return out;
  }
}
