package io.trailhound.detect.network;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Backdoor:EC2/Spambot}: an interface opening SMTP (port 25) connections to many distinct
 * internet mail servers within an hour. Mail relays that do this by design are listed in {@code
 * allowed_instances}.
 */
final class SpambotDetector implements FlowDetector {

  static final String ID = "net-spambot";
  private static final long HOUR = 3600;

  private record Key(String iface, long hour) {}

  private static final class State {
    final Tally tally = new Tally();
    final Distinct hosts = new Distinct();
  }

  private final long minHosts;
  private final List<String> allowed;
  private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

  SpambotDetector(Params p) {
    minHosts = p.whole("min_hosts", 20);
    allowed = p.strings("allowed_instances", List.of());
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.protocol() != FlowRecord.TCP
        || r.dstPort() != 25
        || f.dstPrivate
        || f.direction != FlowDirection.EGRESS
        || allowed.contains(r.instanceId())
        || allowed.contains(r.interfaceId())) {
      return;
    }
    State s =
        states.computeIfAbsent(new Key(f.iface, Flows.window(r.start(), HOUR)), k -> new State());
    s.hosts.add(r.dstAddr() >= 0 ? r.dstAddr() : r.dstText().hashCode());
    s.tally.add(r, r.dstAddr(), r.dstAddr6());
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        (k, s) -> {
          long hosts = s.hosts.estimate();
          if (hosts < minHosts) {
            return;
          }
          Tally t = s.tally;
          String actor = Flows.actor(t.instance, t.iface, k.iface());
          String text =
              actor
                  + " opened "
                  + Flows.number(t.count)
                  + " SMTP connections (port 25) to "
                  + s.hosts.text()
                  + " distinct internet hosts within "
                  + Flows.span(t.last - t.first)
                  + " ("
                  + Flows.number(t.accepted)
                  + " accepted, "
                  + Flows.number(t.bytes)
                  + " bytes)";
          out.add(
              t.alert(ID, "Backdoor:EC2/Spambot", null, actor, t.remoteTexts(), k.hour(), text));
        });
    return out;
  }
}
