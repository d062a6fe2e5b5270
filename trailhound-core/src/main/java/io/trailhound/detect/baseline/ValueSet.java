package io.trailhound.detect.baseline;

import java.util.Arrays;

/**
 * The values one profile has shown for one attribute, with first and last event time and a count
 * each; not thread-safe (the owning profile's lock guards it).
 *
 * <p><b>Bounded, and order-independent.</b> At most {@code cap} values are kept: when a new value
 * arrives at a full set, the value first seen latest (ties: the larger value) is dropped and
 * counted as overflow. Because first-seen times only move earlier, this keeps exactly the {@code
 * cap} values seen earliest, with exact first-seen times, whatever order events arrive in — the
 * property first-seen detection needs. Counts of a value that was dropped and came back restart
 * (they only feed explanations).
 */
final class ValueSet {

  private Object[] values = new Object[2];
  private long[] first = new long[2];
  private long[] last = new long[2];
  private int[] count = new int[2];

  /** First sighting in this run, per value; null for values only known from the state file. */
  private Sighting[] sightings;

  /** Values loaded from the state file (reported in an earlier run, never again). */
  private boolean[] known;

  private int size;
  private long overflow;

  int size() {
    return size;
  }

  long overflow() {
    return overflow;
  }

  Object value(int i) {
    return values[i];
  }

  long first(int i) {
    return first[i];
  }

  long last(int i) {
    return last[i];
  }

  int count(int i) {
    return count[i];
  }

  boolean known(int i) {
    return known != null && known[i];
  }

  Sighting sighting(int i) {
    return sightings == null ? null : sightings[i];
  }

  int indexOf(Object v) {
    for (int i = 0; i < size; i++) {
      if (values[i].equals(v)) {
        return i;
      }
    }
    return -1;
  }

  /** Records one event showing {@code v} at {@code time}. */
  void observe(Object v, long time, Observation obs, int cap) {
    int i = indexOf(v);
    if (i >= 0) {
      count[i]++;
      if (time > last[i]) {
        last[i] = time;
      }
      if (time < first[i]) {
        first[i] = time;
        if (!known(i)) {
          sightings()[i] = obs.sighting();
        }
      }
      return;
    }
    int slot = slotFor(v, time, cap);
    if (slot < 0) {
      return;
    }
    values[slot] = v;
    first[slot] = time;
    last[slot] = time;
    count[slot] = 1;
    sightings()[slot] = obs.sighting();
    if (known != null) {
      known[slot] = false;
    }
  }

  /** Adds a value from the state file. */
  void restore(Object v, long firstSeen, long lastSeen, int n, int cap) {
    int slot = slotFor(v, firstSeen, cap);
    if (slot < 0) {
      return;
    }
    values[slot] = v;
    first[slot] = firstSeen;
    last[slot] = lastSeen;
    count[slot] = n;
    if (sightings != null) {
      sightings[slot] = null;
    }
    if (known == null) {
      known = new boolean[values.length];
    }
    known[slot] = true;
  }

  /** Forgets this run's sightings once they have been reported (they are not state). */
  void markAllKnown() {
    sightings = null;
    known = new boolean[values.length];
    Arrays.fill(known, 0, size, true);
  }

  private int slotFor(Object v, long time, int cap) {
    if (size < cap) {
      if (size == values.length) {
        grow(Math.min(cap, size * 2));
      }
      return size++;
    }
    int worst = 0;
    for (int i = 1; i < size; i++) {
      if (later(i, worst)) {
        worst = i;
      }
    }
    overflow++;
    if (time < first[worst] || time == first[worst] && compare(v, values[worst]) < 0) {
      return worst;
    }
    return -1;
  }

  private boolean later(int a, int b) {
    return first[a] > first[b] || first[a] == first[b] && compare(values[a], values[b]) > 0;
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private Sighting[] sightings() {
    if (sightings == null) {
      sightings = new Sighting[values.length];
    }
    return sightings;
  }

  private void grow(int n) {
    values = Arrays.copyOf(values, n);
    first = Arrays.copyOf(first, n);
    last = Arrays.copyOf(last, n);
    count = Arrays.copyOf(count, n);
    if (sightings != null) {
      sightings = Arrays.copyOf(sightings, n);
    }
    if (known != null) {
      known = Arrays.copyOf(known, n);
    }
  }
}
