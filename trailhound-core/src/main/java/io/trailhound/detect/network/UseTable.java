package io.trailhound.detect.network;

import io.trailhound.event.net.FlowRecord;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * First use and volume per key (a remote port, or an IPv4 destination) for the baselines, in
 * parallel arrays behind an open-addressing index: no object per key, so a profile of thousands of
 * destinations is a few arrays the garbage collector copies in one piece. At most {@code max} keys;
 * later ones are refused. Not thread-safe (one detection shard owns it).
 */
final class UseTable {

  private static final long EMPTY = Long.MIN_VALUE;

  private final int max;
  private long[] keys = new long[16];
  private long[] first = new long[16];
  private long[] last = new long[16];
  private long[] flows = new long[16];
  private long[] bytes = new long[16];
  private long[] sample = new long[16];
  private String[] sample6;
  private int size;

  UseTable(int max) {
    this.max = max;
    Arrays.fill(keys, EMPTY);
  }

  int size() {
    return size;
  }

  /**
   * Adds {@code r} to the use of {@code key}; a new key only when {@code room} and the table is not
   * full. False when the record was not kept.
   */
  boolean add(long key, FlowRecord r, boolean room) {
    int mask = keys.length - 1;
    int i = index(key, mask);
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      if (!room || size >= max) {
        return false;
      }
      if ((size + 1) * 2 > keys.length) {
        grow();
        return add(key, r, true);
      }
      keys[i] = key;
      first[i] = Long.MAX_VALUE;
      last[i] = Long.MIN_VALUE;
      sample[i] = Long.MAX_VALUE;
      size++;
    }
    // As Profile.Use#add.
    first[i] = Math.min(first[i], r.start());
    last[i] = Math.max(last[i], Math.max(r.end(), r.start()));
    flows[i] += r.flows();
    bytes[i] += Math.max(0, r.bytes());
    if (r.dstAddr() >= 0) {
      sample[i] = Math.min(sample[i], r.dstAddr());
    } else {
      if (sample6 == null) {
        sample6 = new String[keys.length];
      }
      if (sample6[i] == null || r.dstAddr6().compareTo(sample6[i]) < 0) {
        sample6[i] = r.dstAddr6();
      }
    }
    return true;
  }

  /** Each key with its use, as a {@link Profile.Use} built for the call. */
  void forEach(BiConsumer<Long, Profile.Use> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        Profile.Use u = new Profile.Use();
        u.first = first[i];
        u.last = last[i];
        u.flows = flows[i];
        u.bytes = bytes[i];
        u.sample = sample[i];
        u.sample6 = sample6 == null ? null : sample6[i];
        action.accept(keys[i], u);
      }
    }
  }

  private static int index(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] k = keys;
    long[] f = first;
    long[] l = last;
    long[] n = flows;
    long[] b = bytes;
    long[] s = sample;
    String[] s6 = sample6;
    int cap = k.length * 2;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    first = new long[cap];
    last = new long[cap];
    flows = new long[cap];
    bytes = new long[cap];
    sample = new long[cap];
    sample6 = s6 == null ? null : new String[cap];
    int mask = cap - 1;
    for (int j = 0; j < k.length; j++) {
      if (k[j] != EMPTY) {
        int i = index(k[j], mask);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k[j];
        first[i] = f[j];
        last[i] = l[j];
        flows[i] = n[j];
        bytes[i] = b[j];
        sample[i] = s[j];
        if (s6 != null) {
          sample6[i] = s6[j];
        }
      }
    }
  }
}
