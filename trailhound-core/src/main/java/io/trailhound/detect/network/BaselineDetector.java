package io.trailhound.detect.network;

import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-interface baselines of traffic to the internet, learned over the first {@code learning_hours}
 * of the interface's traffic in the input (event time) and applied to the rest:
 *
 * <ul>
 *   <li>{@code net-unusual-port} ({@code Behavior:EC2/NetworkPortUnusual}): a remote port the
 *       interface first opened connections to after learning;
 *   <li>{@code net-unusual-volume} ({@code Behavior:EC2/TrafficVolumeUnusual}): an hour whose bytes
 *       out exceed {@code volume_factor} times the largest learning hour and {@code min_bytes};
 *   <li>{@code net-new-destination-volume}: a destination first seen after learning that received
 *       more than {@code new_destination_factor} times the median learning hour and {@code
 *       new_destination_min_bytes}: exfiltration to somewhere new.
 * </ul>
 *
 * Nothing is reported for an interface with less than {@code min_learning_hours} hours of traffic
 * during learning: no baseline, no claim.
 */
final class BaselineDetector implements FlowDetector {

  static final String PORT_ID = "net-unusual-port";
  static final String VOLUME_ID = "net-unusual-volume";
  static final String DESTINATION_ID = "net-new-destination-volume";

  private final long learning;
  private final long minLearningHours;
  private final double volumeFactor;
  private final long minBytes;
  private final double destinationFactor;
  private final long destinationMinBytes;
  private final int maxInterfaces;
  private final AtomicInteger interfaces;
  private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();

  /** {@code interfaces}: profiles kept so far, shared by every shard ({@code max_interfaces}). */
  BaselineDetector(Params port, Params volume, Params destination, AtomicInteger interfaces) {
    this.interfaces = interfaces;
    learning = port.whole("learning_hours", 24) * 3600;
    minLearningHours = port.whole("min_learning_hours", 6);
    volumeFactor = volume.number("volume_factor", 5);
    minBytes = volume.whole("min_bytes", 100_000_000L);
    destinationFactor = destination.number("new_destination_factor", 10);
    destinationMinBytes = destination.whole("new_destination_min_bytes", 50_000_000L);
    maxInterfaces = (int) port.whole("max_interfaces", 100_000);
  }

  @Override
  public void accept(FlowRecord r, FlowFacts f) {
    if (r.start() < 0
        || r.action() != FlowAction.ACCEPT
        || f.dstPrivate
        || f.direction != FlowDirection.EGRESS) {
      return;
    }
    Profile p = profiles.get(f.iface);
    if (p == null) {
      if (interfaces.get() >= maxInterfaces) {
        return;
      }
      p =
          profiles.computeIfAbsent(
              f.iface,
              k -> {
                interfaces.incrementAndGet();
                return new Profile(1024, 4096, 24 * 93);
              });
    }
    p.add(r, f.initiatedLocally);
    p.tally.context(r.accountId(), r.region(), r.instanceId(), r.interfaceId());
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    profiles.forEach((iface, p) -> evaluate(iface, p, out));
    return out;
  }

  private void evaluate(String iface, Profile p, List<NetworkAlert> out) {
    long learnedUntil = p.first + learning;
    List<Long> learningBytes = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : p.hours.headMap(learnedUntil, false).entrySet()) {
      learningBytes.add(e.getValue()[0]);
    }
    if (learningBytes.size() < minLearningHours) {
      return;
    }
    long[] sorted = learningBytes.stream().mapToLong(Long::longValue).sorted().toArray();
    long maxHour = sorted[sorted.length - 1];
    long medianHour = sorted[sorted.length / 2];
    Tally t = p.tally;
    String actor = Flows.actor(t.instance, t.iface, iface);
    String baseline =
        " (baseline: "
            + sorted.length
            + " learning hours, largest "
            + Flows.number(maxHour)
            + " bytes, median "
            + Flows.number(medianHour)
            + " bytes)";
    p.ports.forEach(
        (port, use) -> {
          if (use.first >= learnedUntil) {
            String text =
                actor
                    + " opened "
                    + Flows.number(use.flows)
                    + " connections to remote port "
                    + port
                    + " (e.g. "
                    + use.sample()
                    + ", "
                    + Flows.number(use.bytes)
                    + " bytes) first used "
                    + Flows.span(use.first - p.first)
                    + " after its traffic began; the "
                    + Flows.span(learning)
                    + " before used only ports "
                    + learnedPorts(p, learnedUntil);
            out.add(
                alert(
                    PORT_ID,
                    "Behavior:EC2/NetworkPortUnusual",
                    t,
                    actor,
                    use.sample(),
                    use.first,
                    use.last,
                    use.flows,
                    use.first,
                    text));
          }
        });
    long volumeThreshold = Math.max(minBytes, (long) (volumeFactor * maxHour));
    for (Map.Entry<Long, long[]> e : p.hours.tailMap(learnedUntil, true).entrySet()) {
      if (e.getValue()[0] >= volumeThreshold) {
        String text =
            actor
                + " sent "
                + Flows.number(e.getValue()[0])
                + " bytes to the internet in the hour from "
                + Flows.time(e.getKey())
                + ", "
                + String.format(
                    java.util.Locale.ROOT, "%.1f", (double) e.getValue()[0] / Math.max(1, maxHour))
                + " times its largest hour while learning"
                + baseline;
        out.add(
            alert(
                VOLUME_ID,
                "Behavior:EC2/TrafficVolumeUnusual",
                t,
                actor,
                null,
                e.getKey(),
                e.getKey() + 3599,
                e.getValue()[1],
                e.getKey(),
                text));
      }
    }
    long destinationThreshold =
        Math.max(destinationMinBytes, (long) (destinationFactor * medianHour));
    java.util.function.BiConsumer<Object, Profile.Use> destination =
        (dst, use) -> {
          if (use.first >= learnedUntil && use.bytes >= destinationThreshold) {
            String text =
                actor
                    + " sent "
                    + Flows.number(use.bytes)
                    + " bytes in "
                    + Flows.number(use.flows)
                    + " flows to "
                    + use.sample()
                    + ", a destination it had not contacted in "
                    + Flows.span(use.first - p.first)
                    + " of traffic before"
                    + baseline;
            out.add(
                alert(
                    DESTINATION_ID,
                    "",
                    t,
                    actor,
                    use.sample(),
                    use.first,
                    use.last,
                    use.flows,
                    use.first,
                    text));
          }
        };
    p.destinations.forEach(destination::accept);
    p.destinations6.forEach(destination::accept);
  }

  private static String learnedPorts(Profile p, long until) {
    List<Long> learned = new ArrayList<>();
    p.ports.forEach(
        (port, use) -> {
          if (use.first < until) {
            learned.add(port);
          }
        });
    int[] ports = learned.stream().mapToInt(Long::intValue).sorted().limit(10).toArray();
    return ports.length == 0 ? "(none)" : Arrays.toString(ports);
  }

  private static NetworkAlert alert(
      String id,
      String type,
      Tally t,
      String actor,
      String remote,
      long first,
      long last,
      long count,
      long window,
      String text) {
    return new NetworkAlert(
        id,
        type,
        null,
        t.account,
        t.region,
        actor,
        t.instance,
        t.iface,
        remote == null ? List.of() : List.of(remote),
        Flows.time(first),
        Flows.time(last),
        count,
        Flows.time(window),
        text);
  }
}
