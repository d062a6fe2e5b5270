package io.trailhound.detect.network;

import java.util.Locale;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * A distinct counter: exact up to {@value #EXACT} values (an open-addressing set of longs, so the
 * small numbers in explanations are exact), then a HyperLogLog sketch (Apache DataSketches, 2^11
 * registers, about 2% error) so memory stays near a kilobyte whatever the traffic. Thread-safe.
 */
final class Distinct {

  static final int EXACT = 256;
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] values = new long[4];
  private int size;
  private HllSketch sketch;

  Distinct() {
    java.util.Arrays.fill(values, EMPTY);
  }

  synchronized void add(String value) {
    add(hash(value));
  }

  synchronized void add(long value) {
    if (sketch != null) {
      sketch.update(value);
      return;
    }
    long v = value == EMPTY ? EMPTY + 1 : value;
    int mask = values.length - 1;
    int i = (int) mix(v) & mask;
    while (values[i] != EMPTY) {
      if (values[i] == v) {
        return;
      }
      i = (i + 1) & mask;
    }
    values[i] = v;
    size++;
    if (size > EXACT) {
      sketch = new HllSketch(11, TgtHllType.HLL_4);
      for (long x : values) {
        if (x != EMPTY) {
          sketch.update(x);
        }
      }
      values = null;
    } else if (size * 2 > values.length) {
      long[] old = values;
      values = new long[old.length * 2];
      java.util.Arrays.fill(values, EMPTY);
      size = 0;
      for (long x : old) {
        if (x != EMPTY) {
          add(x);
        }
      }
    }
  }

  // The composite estimate depends only on the registers, so on the set of values added; the
  // default (HIP) estimate depends on the order they came in, which varies between runs when
  // several reader threads feed one key.
  synchronized long estimate() {
    return sketch == null ? size : Math.round(sketch.getCompositeEstimate());
  }

  /** The count for an explanation: {@code 212}, or {@code ~4,100} once estimated. */
  synchronized String text() {
    return sketch == null
        ? Long.toString(size)
        : String.format(Locale.ROOT, "~%,d", Math.round(sketch.getCompositeEstimate()));
  }

  private static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return mix(h);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe53a2cf9L;
    h ^= h >>> 33;
    return h;
  }
}
