package io.trailhound.detect.network;

import io.trailhound.event.net.FlowRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One interface's traffic to the internet, for the baselines: bytes and flows per UTC hour, and
 * when each remote port and each destination was first used. Bounded: at most {@code maxPorts}
 * ports, {@code maxDestinations} destinations and {@code maxHours} hours are tracked (later ones
 * are ignored and counted in {@link #dropped}). Thread-safe.
 */
final class Profile {

  /** First use of a port or destination, and how much went to it. */
  static final class Use {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long flows;
    long bytes;
    long sample = Long.MAX_VALUE;
    String sample6;

    void add(FlowRecord r) {
      first = Math.min(first, r.start());
      last = Math.max(last, Math.max(r.end(), r.start()));
      flows += r.flows();
      bytes += Math.max(0, r.bytes());
      if (r.dstAddr() >= 0) {
        sample = Math.min(sample, r.dstAddr());
      } else if (sample6 == null || r.dstAddr6().compareTo(sample6) < 0) {
        sample6 = r.dstAddr6();
      }
    }

    /** The smallest remote seen, as text. */
    String sample() {
      return sample != Long.MAX_VALUE ? io.trailhound.event.net.Addresses.format(sample) : sample6;
    }
  }

  final Tally tally = new Tally();
  final TreeMap<Long, long[]> hours = new TreeMap<>();
  final Map<Integer, Use> ports = new HashMap<>();
  final Map<Object, Use> destinations = new HashMap<>();
  long first = Long.MAX_VALUE;
  long dropped;
  private long lastHour = Long.MIN_VALUE;
  private long[] lastCounts;
  private final int maxPorts;
  private final int maxDestinations;
  private final int maxHours;

  Profile(int maxPorts, int maxDestinations, int maxHours) {
    this.maxPorts = maxPorts;
    this.maxDestinations = maxDestinations;
    this.maxHours = maxHours;
  }

  synchronized void add(FlowRecord r, boolean clientSide) {
    first = Math.min(first, r.start());
    long hour = Flows.window(r.start(), 3600);
    long[] h = hour == lastHour ? lastCounts : hours.get(hour);
    if (h == null && hours.size() < maxHours) {
      h = new long[2];
      hours.put(hour, h);
    }
    if (h != null) {
      lastHour = hour;
      lastCounts = h;
      h[0] += Math.max(0, r.bytes());
      h[1] += r.flows();
    } else {
      dropped++;
    }
    if (!clientSide) {
      // Replies of a server to its clients are not destinations the instance chose.
      return;
    }
    Object dst = r.dstAddr() >= 0 ? (Object) r.dstAddr() : r.dstAddr6();
    Use d = destinations.get(dst);
    if (d == null && destinations.size() < maxDestinations) {
      d = new Use();
      destinations.put(dst, d);
    }
    if (d != null) {
      d.add(r);
    } else {
      dropped++;
    }
    {
      Use p = ports.get(r.dstPort());
      if (p == null && ports.size() < maxPorts) {
        p = new Use();
        ports.put(r.dstPort(), p);
      }
      if (p != null) {
        p.add(r);
      }
    }
  }
}
