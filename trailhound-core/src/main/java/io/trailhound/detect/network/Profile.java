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
  final UseTable ports;

  /** IPv4 destinations; IPv6 ones (rare) in {@link #destinations6}. */
  final UseTable destinations;

  final Map<String, Use> destinations6 = new HashMap<>();
  long first = Long.MAX_VALUE;
  long dropped;
  private long lastHour = Long.MIN_VALUE;
  private long[] lastCounts;
  private final int maxDestinations;
  private final int maxHours;

  Profile(int maxPorts, int maxDestinations, int maxHours) {
    this.ports = new UseTable(maxPorts);
    this.destinations = new UseTable(maxDestinations);
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
    // The cap counts IPv4 and IPv6 destinations together; known ones are always updated.
    boolean room = destinations.size() + destinations6.size() < maxDestinations;
    boolean kept;
    if (r.dstAddr() >= 0) {
      kept = destinations.add(r.dstAddr(), r, room);
    } else {
      Use d = destinations6.get(r.dstAddr6());
      if (d == null && room) {
        d = new Use();
        destinations6.put(r.dstAddr6(), d);
      }
      if (d != null) {
        d.add(r);
      }
      kept = d != null;
    }
    if (!kept) {
      dropped++;
    }
    ports.add(r.dstPort(), r, true);
  }
}
