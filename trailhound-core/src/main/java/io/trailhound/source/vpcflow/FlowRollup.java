package io.trailhound.source.vpcflow;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.FlowRecordBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cost control: folds the records of one file into one-minute rollups per (interface, remote
 * address, port, protocol, action, direction), summing packets, bytes and flows and OR-ing TCP
 * flags. Distinct remotes and ports survive, so scan, probe, brute-force, intel and volume
 * detectors see the same numbers; what is lost is sub-minute timing (beaconing periods under a
 * minute) and the client's source ports. State is bounded by one file's distinct keys.
 */
public final class FlowRollup implements Consumer<FlowRecord> {

  private record Key(
      String iface,
      long remote,
      String remote6,
      int port,
      int protocol,
      Object action,
      FlowDirection direction,
      long minute) {}

  private final Map<Key, FlowRecordBuilder> open = new HashMap<>();
  private final Consumer<FlowRecord> downstream;

  public FlowRollup(Consumer<FlowRecord> downstream) {
    this.downstream = downstream;
  }

  @Override
  public void accept(FlowRecord r) {
    if (!r.hasTraffic()) {
      downstream.accept(r);
      return;
    }
    FlowDirection d = r.resolvedDirection();
    boolean ingress = d == FlowDirection.INGRESS;
    Key k =
        new Key(
            r.interfaceKey(),
            ingress ? r.srcAddr() : r.dstAddr(),
            ingress ? r.srcAddr6() : r.dstAddr6(),
            r.dstPort(),
            r.protocol(),
            r.action(),
            d,
            Math.floorDiv(Math.max(r.start(), 0), 60));
    FlowRecordBuilder b = open.get(k);
    if (b == null) {
      open.put(k, copy(r));
      return;
    }
    b.packets = add(b.packets, r.packets());
    b.bytes = add(b.bytes, r.bytes());
    b.flows += r.flows();
    b.start = b.start < 0 ? r.start() : r.start() < 0 ? b.start : Math.min(b.start, r.start());
    b.end = Math.max(b.end, r.end());
    b.tcpFlags =
        b.tcpFlags < 0 ? r.tcpFlags() : r.tcpFlags() < 0 ? b.tcpFlags : b.tcpFlags | r.tcpFlags();
  }

  /** Emits every rollup; call at the end of the file. */
  public void flush() {
    open.values().forEach(b -> downstream.accept(b.build()));
    open.clear();
  }

  private static long add(long a, long b) {
    return a < 0 ? b : b < 0 ? a : a + b;
  }

  static FlowRecordBuilder copy(FlowRecord r) {
    FlowRecordBuilder b = new FlowRecordBuilder();
    b.version = r.version();
    b.accountId = r.accountId();
    b.interfaceId = r.interfaceId();
    b.instanceId = r.instanceId();
    b.vpcId = r.vpcId();
    b.subnetId = r.subnetId();
    b.region = r.region();
    b.type = r.type();
    b.srcAddr = r.srcAddr();
    b.srcAddr6 = r.srcAddr6();
    b.dstAddr = r.dstAddr();
    b.dstAddr6 = r.dstAddr6();
    b.srcPort = r.srcPort();
    b.dstPort = r.dstPort();
    b.protocol = r.protocol();
    b.packets = r.packets();
    b.bytes = r.bytes();
    b.start = r.start();
    b.end = r.end();
    b.action = r.action();
    b.status = r.status();
    b.tcpFlags = r.tcpFlags();
    b.pktSrcAddr = r.pktSrcAddr();
    b.pktDstAddr = r.pktDstAddr();
    b.pktSrcService = r.pktSrcService();
    b.pktDstService = r.pktDstService();
    b.direction = r.direction();
    b.trafficPath = r.trafficPath();
    b.rejectReason = r.rejectReason();
    b.flows = r.flows();
    return b;
  }
}
