package io.trailhound.detect.network;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;

/**
 * What every flow detector asks of a record, worked out once per record instead of once per
 * detector: which side is private, the direction relative to the interface and the interface key.
 * Mutable and reused: one per detection shard, filled by {@link #of} before the shard's detectors
 * see the record and never kept by them.
 */
final class FlowFacts {

  boolean srcPrivate;
  boolean dstPrivate;

  /** {@link FlowRecord#resolvedDirection()}. */
  FlowDirection direction;

  /** {@link FlowRecord#interfaceKey()}. */
  String iface;

  /** True when the interface opened the connection ({@link Flows#initiatedLocally}). */
  boolean initiatedLocally;

  /** Fills in the facts of {@code r} (a record with traffic) and returns this. */
  FlowFacts of(FlowRecord r) {
    srcPrivate = r.srcPrivate();
    dstPrivate = r.dstPrivate();
    FlowDirection d = r.direction();
    if (d == FlowDirection.UNKNOWN) {
      d =
          srcPrivate && !dstPrivate
              ? FlowDirection.EGRESS
              : dstPrivate && !srcPrivate ? FlowDirection.INGRESS : FlowDirection.UNKNOWN;
    }
    direction = d;
    iface = r.interfaceKey();
    initiatedLocally = Flows.initiatedLocally(r);
    return this;
  }

  /** Facts of a single record, for callers outside a shard (tests). */
  static FlowFacts single(FlowRecord r) {
    return new FlowFacts().of(r);
  }
}
