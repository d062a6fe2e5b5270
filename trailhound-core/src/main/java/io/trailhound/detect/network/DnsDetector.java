package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import java.util.List;

/** A detector over resolver queries; the same concurrency contract as {@link FlowDetector}. */
public interface DnsDetector {
  void accept(DnsQuery q);

  List<NetworkAlert> finish();
}
