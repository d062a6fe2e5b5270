package io.trailhound.detect.network;

import io.trailhound.event.net.FlowRecord;
import java.util.List;

/**
 * A detector over flow records. {@link #accept} is called concurrently from reader threads in no
 * particular order; {@link #finish} once at the end, with results that do not depend on that order.
 */
public interface FlowDetector {
  void accept(FlowRecord r);

  List<NetworkAlert> finish();
}
