package io.trailhound.source.vpcflow;

import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.FlowRecordBuilder;
import java.util.function.Consumer;

/**
 * Cost control: keeps one accepted flow in {@code n}, chosen by a hash of the flow's identity (so
 * the choice does not depend on read order), and weights the kept one by {@code n} (flows, packets
 * and bytes) so sums stay estimates of the truth. Rejected flows and NODATA / SKIPDATA records are
 * always kept: probes and scans are mostly rejected, and they are what the scan, probe and
 * brute-force detectors count.
 */
public final class FlowSampler implements Consumer<FlowRecord> {

  private final int n;
  private final Consumer<FlowRecord> downstream;

  public FlowSampler(int n, Consumer<FlowRecord> downstream) {
    if (n < 1) {
      throw new IllegalArgumentException("sample rate must be at least 1");
    }
    this.n = n;
    this.downstream = downstream;
  }

  @Override
  public void accept(FlowRecord r) {
    if (n == 1 || r.action() != FlowAction.ACCEPT) {
      downstream.accept(r);
      return;
    }
    long h = r.interfaceKey().hashCode();
    h = h * 31 + r.srcAddr();
    h = h * 31 + r.dstAddr();
    h = h * 31 + r.srcPort();
    h = h * 31 + r.dstPort();
    h = h * 31 + r.start();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    if (Math.floorMod(h, n) != 0) {
      return;
    }
    FlowRecordBuilder b = FlowRollup.copy(r);
    b.flows = r.flows() * n;
    b.packets = r.packets() < 0 ? -1 : r.packets() * n;
    b.bytes = r.bytes() < 0 ? -1 : r.bytes() * n;
    downstream.accept(b.build());
  }
}
