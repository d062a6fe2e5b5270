package io.trailhound.detect.network;

import io.trailhound.event.net.FlowRecord;
import java.util.List;

/**
 * A detector over flow records. {@link NetworkDetection} shards records by interface, so one
 * instance sees the records of its interfaces only, one record at a time (never concurrently), and
 * only records with traffic ({@link FlowRecord#hasTraffic()}); every detector key includes the
 * interface, so shards never share a key. {@link #finish} is called once at the end, with results
 * that do not depend on the order records arrived in.
 */
interface FlowDetector {
  void accept(FlowRecord r, FlowFacts f);

  List<NetworkAlert> finish();
}
