package io.trailhound.source.cloudtrail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids seen in a run, for deduplication across files and threads. Each id is kept as a 64-bit
 * hash (FNV-1a mixed with a MurmurHash3 finaliser) in one of 64 lock-striped {@link LongHashSet}s,
 * about 11 to 21 bytes per id; two distinct ids collide with probability about n²/2⁶⁵ (one in 3,700
 * for 100 million ids), which would drop one event as a duplicate. After {@code cap} ids the set
 * stops growing and stops deduplicating, so memory stays bounded.
 */
final class EventIdSet {

  /** Result of offering an id. */
  enum Result {
    NEW,
    DUPLICATE,
    /** The cap was reached: the id was not checked. */
    UNCHECKED
  }

  private static final int STRIPES = 64;

  private final LongHashSet[] sets = new LongHashSet[STRIPES];
  private final long cap;
  private final AtomicLong size = new AtomicLong();
  private final AtomicBoolean full = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();

  EventIdSet(long cap) {
    this.cap = cap;
    for (int i = 0; i < STRIPES; i++) {
      sets[i] = new LongHashSet();
    }
  }

  Result add(String id) {
    long h = hash(id);
    LongHashSet set = sets[(int) (h >>> 58)];
    synchronized (set) {
      if (full.get()) {
        return Result.UNCHECKED;
      }
      if (!set.add(h)) {
        return Result.DUPLICATE;
      }
    }
    if (size.incrementAndGet() >= cap) {
      full.set(true);
    }
    return Result.NEW;
  }

  /** True exactly once after the cap is reached: for the caller that should report it. */
  boolean claimWarning() {
    return full.get() && warned.compareAndSet(false, true);
  }

  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
