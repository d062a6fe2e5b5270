package io.trailhound.source.cloudtrail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids seen in a run, for deduplication across files and threads. Each id is kept as a 64-bit
 * hash (FNV-1a mixed with a MurmurHash3 finaliser) in one of 64 lock-striped {@link LongHashSet}s,
 * about 11 to 21 bytes per id; two distinct ids collide with probability about n²/2⁶⁵ (one in 3,700
 * for 100 million ids), which would drop one event as a duplicate. After {@code cap} ids the set
 * stops growing and stops deduplicating, so memory stays bounded.
 *
 * <p>The cap is counted in batches: a stripe takes {@link #BATCH} ids of allowance at a time from
 * the shared count (one at a time for caps below a million, so small caps are exact), since one
 * shared counter written for every event had the worker threads taking its cache line from each
 * other. With a large cap the set may therefore stop up to {@code 64 × BATCH} ids early.
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
  static final int BATCH = 1024;

  /** The ids of one stripe and how many more it may add; guarded by its own monitor. */
  private static final class Stripe {
    final LongHashSet ids = new LongHashSet();
    int allowance;
  }

  private final Stripe[] stripes = new Stripe[STRIPES];

  private final long cap;
  private final int batch;

  /** Allowance handed to stripes so far; never above the cap. */
  private final AtomicLong granted = new AtomicLong();

  private final AtomicBoolean full = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();

  EventIdSet(long cap) {
    this.cap = cap;
    this.batch = cap >= 1 << 20 ? BATCH : 1;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  Result add(String id) {
    long h = hash(id);
    Stripe stripe = stripes[(int) (h >>> 58)];
    synchronized (stripe) {
      if (full.get()) {
        return Result.UNCHECKED;
      }
      if (stripe.allowance == 0 && !claim(stripe)) {
        full.set(true);
        return Result.UNCHECKED;
      }
      if (!stripe.ids.add(h)) {
        return Result.DUPLICATE;
      }
      if (--stripe.allowance == 0 && granted.get() >= cap) {
        full.set(true);
      }
    }
    return Result.NEW;
  }

  /** Takes more allowance for {@code stripe} from what is left of the cap; false when none is. */
  private boolean claim(Stripe stripe) {
    while (true) {
      long g = granted.get();
      if (g >= cap) {
        return false;
      }
      long n = Math.min(batch, cap - g);
      if (granted.compareAndSet(g, g + n)) {
        stripe.allowance = (int) n;
        return true;
      }
    }
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
