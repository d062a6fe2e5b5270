package io.trailhound.detect.network;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Beaconing: an interface connecting to one internet address and port at a steady period, the way
 * implants call home. Per (interface, remote, port), keeps the distinct connection start times (the
 * earliest {@code max_points}, so the result does not depend on read order); at the end, a series
 * of at least {@code min_connections} whose intervals have a median of at least {@code
 * min_period_seconds} and a median absolute deviation within {@code max_jitter} of it is a beacon.
 * AWS service addresses (pkt-dst-aws-service) and NTP are left out. At most {@code max_pairs} pairs
 * are tracked.
 */
final class BeaconDetector implements FlowDetector {

  static final String ID = "net-beaconing";

  /** One (interface, remote, port) pair's connections; the key is part of the entry. */
  private static final class Series {
    final String key;
    final long remote;
    final String remote6;
    final int port;
    long flows;
    long bytes;
    long last = Long.MIN_VALUE;
    String account;
    String region;
    String instance;
    String iface;
    // Start times, appended and compacted (sorted, distinct, earliest max kept) when full.
    // The first start time is a field and the array exists from the second connection on: most
    // pairs never have one, and an array each was a third of the detector's objects.
    long one;
    long[] starts;
    int size;

    Series(String key, long remote, String remote6, int port) {
      this.key = key;
      this.remote = remote;
      this.remote6 = remote6;
      this.port = port;
    }

    boolean is(String k, long rem, String rem6, int p) {
      return remote == rem
          && port == p
          && (key == k || key.equals(k))
          && java.util.Objects.equals(remote6, rem6);
    }

    void add(FlowRecord r, int max) {
      flows += r.flows();
      bytes += Math.max(0, r.bytes());
      last = Math.max(last, Math.max(r.start(), r.end()));
      account = min(account, r.accountId());
      region = min(region, r.region());
      instance = min(instance, r.instanceId());
      iface = min(iface, r.interfaceId());
      long start = r.start();
      if (size == 0) {
        one = start;
        size = 1;
        return;
      }
      if (starts == null) {
        starts = new long[8];
        starts[0] = one;
      }
      if (size == starts.length) {
        compact(max);
        if (size == starts.length) {
          starts = java.util.Arrays.copyOf(starts, Math.min(starts.length * 2, 2 * max + 2));
        }
      }
      starts[size++] = start;
    }

    private static String min(String a, String b) {
      if (a == b) {
        return a;
      }
      return a == null || (b != null && b.compareTo(a) < 0) ? b : a;
    }

    long[] distinct(int max) {
      if (starts == null) {
        return size == 0 ? new long[0] : new long[] {one};
      }
      compact(max);
      return java.util.Arrays.copyOf(starts, size);
    }

    private void compact(int max) {
      java.util.Arrays.sort(starts, 0, size);
      int n = 0;
      for (int i = 0; i < size && n < max; i++) {
        if (n == 0 || starts[i] != starts[n - 1]) {
          starts[n++] = starts[i];
        }
      }
      size = n;
    }
  }

  private final int maxPoints;
  private final int minConnections;
  private final double minPeriod;
  private final double maxJitter;
  private final int maxPairs;
  private final AtomicInteger pairs;
  private final OpenTable<Series> series = new OpenTable<>();

  /**
   * @param p parameters
   * @param pairs pairs tracked so far, shared by the detectors of every shard ({@code max_pairs})
   */
  BeaconDetector(Params p, AtomicInteger pairs) {
    this.pairs = pairs;
    maxPoints = (int) p.whole("max_points", 512);
    minConnections = (int) p.whole("min_connections", 12);
    minPeriod = p.number("min_period_seconds", 30);
    maxJitter = p.number("max_jitter", 0.1);
    maxPairs = (int) p.whole("max_pairs", 200_000);
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.start() < 0
        || f.dstPrivate
        || r.pktDstService() != null
        || r.action() != io.trailhound.event.net.FlowAction.ACCEPT
        || f.direction != FlowDirection.EGRESS
        || !f.initiatedLocally
        || r.dstPort() == 123) {
      return;
    }
    long remote = r.dstAddr();
    String remote6 = r.dstAddr6();
    int port = r.dstPort();
    int h = OpenTable.hash(f.iface, remote, remote6, port);
    int i = series.start(h);
    Series s;
    while ((s = series.at(i)) != null
        && !(series.hashAt(i) == h && s.is(f.iface, remote, remote6, port))) {
      i = series.next(i);
    }
    if (s == null) {
      if (pairs.get() >= maxPairs) {
        return;
      }
      pairs.incrementAndGet();
      s = new Series(f.iface, remote, remote6, port);
      series.put(i, h, s);
    }
    s.add(r, maxPoints);
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    series.forEach(
        s -> {
          Series k = s;
          long[] t = s.distinct(maxPoints);
          if (t.length < minConnections) {
            return;
          }
          double[] gaps = new double[t.length - 1];
          for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
          }
          double median = median(gaps);
          if (median < minPeriod) {
            return;
          }
          double[] dev = new double[gaps.length];
          for (int i = 0; i < gaps.length; i++) {
            dev[i] = Math.abs(gaps[i] - median);
          }
          double jitter = median(dev) / median;
          if (jitter > maxJitter) {
            return;
          }
          Series tally = s;
          String remote = (k.remote >= 0 ? Flows.address(k.remote) : k.remote6) + ":" + k.port;
          String actor = Flows.actor(tally.instance, tally.iface, k.key);
          String text =
              actor
                  + " connected to "
                  + remote
                  + " "
                  + t.length
                  + " times, every "
                  + String.format(Locale.ROOT, "%.0f", median)
                  + " s (jitter "
                  + String.format(Locale.ROOT, "%.0f%%", jitter * 100)
                  + ") over "
                  + Flows.span(t[t.length - 1] - t[0])
                  + ", "
                  + Flows.number(tally.bytes)
                  + " bytes: a steady call-home pattern";
          out.add(
              new NetworkAlert(
                  ID,
                  "",
                  null,
                  tally.account,
                  tally.region,
                  actor,
                  tally.instance,
                  tally.iface,
                  List.of(remote),
                  Flows.time(t[0]),
                  Flows.time(tally.last),
                  tally.flows,
                  Flows.time(t[0]),
                  text));
        });
    return out;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
  }
}
