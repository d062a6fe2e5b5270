package io.trailhound.detect.network;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * A distinct counter: exact while small, then a HyperLogLog sketch (Apache DataSketches, 2^10
 * registers, about 3% error) so memory stays near a kilobyte whatever the traffic. Thread-safe.
 */
final class Distinct {

  private final HllSketch sketch = new HllSketch(10, TgtHllType.HLL_4);

  synchronized void add(long value) {
    sketch.update(value);
  }

  synchronized void add(String value) {
    sketch.update(value);
  }

  synchronized long estimate() {
    return Math.round(sketch.getEstimate());
  }
}
