package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;

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

  /** The tally of one key, with the key. */
  private static final class Entry extends Tally {
    final String key; // the interface key; Tally.iface is the logged interface id
    final long attacker;
    final String attacker6;
    final long target;
    final String target6;
    final int port;
    final FlowDirection d;
    final long hour;

    Entry(FlowRecord r, String iface, FlowDirection d, long hour) {
      this.key = iface;
      this.attacker = r.srcAddr();
      this.attacker6 = r.srcAddr6();
      this.target = r.dstAddr();
      this.target6 = r.dstAddr6();
      this.port = r.dstPort();
      this.d = d;
      this.hour = hour;
    }

    boolean is(FlowRecord r, String key, FlowDirection dir, long h) {
      return attacker == r.srcAddr()
          && target == r.dstAddr()
          && port == r.dstPort()
          && hour == h
          && d == dir
          && (this.key == key || this.key.equals(key))
          && java.util.Objects.equals(attacker6, r.srcAddr6())
          && java.util.Objects.equals(target6, r.dstAddr6());
    }

    String attackerText() {
      return attacker == Addresses.IPV6 ? attacker6 : Addresses.format(attacker);
    }

    String targetText() {
      return target == Addresses.IPV6 ? target6 : Addresses.format(target);
    }
  }

  private final long minAttempts;
  private final OpenTable<Entry> states = new OpenTable<>();

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
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.protocol() != FlowRecord.TCP || service(r.dstPort()) == null) {
      return;
    }
    FlowDirection d = f.direction;
    long hour = Flows.window(r.start(), HOUR);
    int h =
        31 * OpenTable.hash(f.iface, r.srcAddr(), r.srcAddr6(), r.dstAddr())
            + Long.hashCode(hour * 65536 + r.dstPort());
    int i = states.start(h);
    Entry t;
    while ((t = states.at(i)) != null && !(states.hashAt(i) == h && t.is(r, f.iface, d, hour))) {
      i = states.next(i);
    }
    if (t == null) {
      t = new Entry(r, f.iface, d, hour);
      states.put(i, h, t);
    }
    t.add(r, null, null);
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        t -> {
          Entry k = t;
          if (t.count < minAttempts) {
            return;
          }
          String svc = service(k.port);
          String type =
              switch (svc) {
                case "SSH" -> "UnauthorizedAccess:EC2/SSHBruteForce";
                case "RDP" -> "UnauthorizedAccess:EC2/RDPBruteForce";
                default -> "Impact:EC2/WinRMBruteForce";
              };
          String me = Flows.actor(t.instance, t.iface, k.key);
          boolean inbound = k.d == FlowDirection.INGRESS;
          String actor = inbound ? k.attackerText() : me;
          String text =
              (inbound ? k.attackerText() + " made " : me + " (" + k.attackerText() + ") made ")
                  + Flows.number(t.count)
                  + " "
                  + svc
                  + " connection attempts to "
                  + (inbound ? me + " (" + k.targetText() + ")" : k.targetText())
                  + " on port "
                  + k.port
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
                  k.hour,
                  text));
        });
    return out;
  }
}
