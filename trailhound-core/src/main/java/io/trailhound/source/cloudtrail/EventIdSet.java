package io.trailhound.source.cloudtrail;

import io.trailhound.event.EventIdBits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids seen in a run, for deduplication across files and threads, in one of 64 lock-striped
 * {@link PairHashSet}s (about 21 to 43 bytes per id). Deduplication must never drop a valid event,
 * and the logs it reads are written by whoever controls them, so ids are kept as 128 bits:
 *
 * <ul>
 *   <li>an id in the canonical lower-case UUID form (every CloudTrail event id) exactly, as its own
 *       128 bits ({@link EventIdBits});
 *   <li>any other id (another case, another shape, a prefixed identity-log id) as the first 128
 *       bits of a SHA-256 keyed with a random salt drawn for the run: two distinct ids collide with
 *       probability about n²/2¹²⁹, and nobody writing logs can choose an id that collides with
 *       another, since the salt is unknown to them. The two kinds never meet: a UUID is never
 *       hashed.
 * </ul>
 *
 * After {@code cap} ids the set stops growing and stops deduplicating, so memory stays bounded.
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
    final PairHashSet uuids = new PairHashSet();
    final PairHashSet hashed = new PairHashSet();
    int allowance;
  }

  private final Stripe[] stripes = new Stripe[STRIPES];

  private final long cap;
  private final int batch;

  /** Allowance handed to stripes so far; never above the cap. */
  private final AtomicLong granted = new AtomicLong();

  private final AtomicBoolean full = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();

  /** Key of the hash of ids that are not canonical UUIDs; drawn per run. */
  private final byte[] salt = new byte[16];

  private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(EventIdSet::sha256);

  EventIdSet(long cap) {
    this.cap = cap;
    this.batch = cap >= 1 << 20 ? BATCH : 1;
    new SecureRandom().nextBytes(salt);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  Result add(String id) {
    boolean uuid = EventIdBits.packable(id);
    long h;
    long l;
    if (uuid) {
      h = EventIdBits.high(id);
      l = EventIdBits.low(id);
    } else {
      byte[] d = keyedHash(id);
      h = ByteBuffer.wrap(d, 0, 8).getLong();
      l = ByteBuffer.wrap(d, 8, 8).getLong();
    }
    Stripe stripe = stripes[PairHashSet.slot(h, l) >>> 26];
    synchronized (stripe) {
      if (full.get()) {
        return Result.UNCHECKED;
      }
      if (stripe.allowance == 0 && !claim(stripe)) {
        full.set(true);
        return Result.UNCHECKED;
      }
      if (!(uuid ? stripe.uuids : stripe.hashed).add(h, l)) {
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

  private byte[] keyedHash(String id) {
    MessageDigest md = sha256.get();
    md.update(salt);
    md.update(id.getBytes(StandardCharsets.UTF_8));
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256
      throw new IllegalStateException(e);
    }
  }
}
