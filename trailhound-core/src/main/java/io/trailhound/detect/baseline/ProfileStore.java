package io.trailhound.detect.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every actor's profile, bounded. Profiles are keyed by kind and id in one map per kind (no key
 * strings are built per event). When the number of profiles exceeds {@code maxActors}, the tenth
 * least recently seen (by event time) are evicted in one sweep and counted; an evicted actor that
 * shows up again starts learning afresh. The store is what {@code --state} persists.
 */
public final class ProfileStore {

  /** Resource credential sessions kept; beyond it new ones are not tracked until pruned. */
  static final int MAX_SESSIONS = 200_000;

  private final int maxActors;
  private final int maxValues;
  private final Map<ActorKind, ConcurrentHashMap<String, Profile>> profiles =
      new EnumMap<>(ActorKind.class);
  private final ConcurrentHashMap<String, CredentialSession> sessions = new ConcurrentHashMap<>();
  private final AtomicLong size = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();
  private final Object evictionLock = new Object();

  /**
   * @param maxActors most profiles kept (all kinds together)
   * @param maxValues most values kept per profile and attribute
   */
  public ProfileStore(int maxActors, int maxValues) {
    if (maxActors < 1 || maxValues < 2) {
      throw new IllegalArgumentException("maxActors must be ≥ 1 and maxValues ≥ 2");
    }
    this.maxActors = maxActors;
    this.maxValues = maxValues;
    for (ActorKind k : ActorKind.values()) {
      profiles.put(k, new ConcurrentHashMap<>());
    }
  }

  public int maxActors() {
    return maxActors;
  }

  public int maxValues() {
    return maxValues;
  }

  /** Profiles held now. */
  public long size() {
    return size.get();
  }

  /** Profiles evicted at the cap since this store was created. */
  public long evicted() {
    return evicted.get();
  }

  /** The profile of {@code id}, created when new. */
  Profile profile(ActorKind kind, String id) {
    ConcurrentHashMap<String, Profile> map = profiles.get(kind);
    Profile p = map.get(id);
    if (p != null) {
      return p;
    }
    Profile created = new Profile(kind, id);
    p = map.putIfAbsent(id, created);
    if (p != null) {
      return p;
    }
    if (size.incrementAndGet() > maxActors) {
      evict();
    }
    return created;
  }

  /** Resource credential sessions by session ARN (instance, Lambda and ECS credentials). */
  ConcurrentHashMap<String, CredentialSession> sessions() {
    return sessions;
  }

  /**
   * After a run: when more than 90% of {@link #MAX_SESSIONS} sessions are kept, the least recently
   * seen are dropped down to 80% (instances come and go; their sessions need not stay forever).
   */
  void pruneSessions() {
    if (sessions.size() <= MAX_SESSIONS - MAX_SESSIONS / 10) {
      return;
    }
    List<CredentialSession> all = new ArrayList<>(sessions.values());
    all.sort(Comparator.comparingLong((CredentialSession s) -> s.last).thenComparing(s -> s.arn));
    int drop = all.size() - (MAX_SESSIONS - MAX_SESSIONS / 5);
    for (int i = 0; i < drop; i++) {
      sessions.remove(all.get(i).arn);
    }
  }

  Profile find(ActorKind kind, String id) {
    return profiles.get(kind).get(id);
  }

  /** Every profile, in a stable order (kind, then id). */
  List<Profile> all() {
    List<Profile> out = new ArrayList<>();
    for (ActorKind k : ActorKind.values()) {
      List<Profile> some = new ArrayList<>(profiles.get(k).values());
      some.sort(Comparator.comparing(p -> p.id));
      out.addAll(some);
    }
    return out;
  }

  private void evict() {
    synchronized (evictionLock) {
      if (size.get() <= maxActors) {
        return;
      }
      // Snapshot the times first: other threads keep updating them, and a sort whose keys move
      // under it may fail.
      List<Map.Entry<Long, Profile>> everyone = new ArrayList<>();
      profiles
          .values()
          .forEach(m -> m.values().forEach(p -> everyone.add(Map.entry(lastSeen(p), p))));
      everyone.sort(
          Comparator.comparingLong((Map.Entry<Long, Profile> e) -> e.getKey())
              .thenComparing(e -> e.getValue().kind)
              .thenComparing(e -> e.getValue().id));
      long target = maxActors - maxActors / 10;
      int drop = (int) Math.max(0, everyone.size() - target);
      for (int i = 0; i < drop; i++) {
        Profile p = everyone.get(i).getValue();
        if (profiles.get(p.kind).remove(p.id, p)) {
          size.decrementAndGet();
          evicted.incrementAndGet();
        }
      }
    }
  }

  private static long lastSeen(Profile p) {
    synchronized (p) {
      // A profile created a moment ago has no event yet: it is the most recent, not the least.
      return p.last == Long.MIN_VALUE ? Long.MAX_VALUE : p.last;
    }
  }
}
