package io.trailhound.investigate;

import io.trailhound.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event of a scan as an {@link EventRecord}, indexed for the pivots of {@link EventLookup}.
 * Fed concurrently with {@link #accept}; {@link #seal()} sorts and indexes once, after which the
 * lookups answer. Holds at most {@code capacity} events (a record costs a few hundred bytes, so the
 * default of three million fits a 2 GiB heap); the rest are counted in {@link #overflow()} and the
 * reports say so.
 */
public final class InMemoryEventIndex implements EventLookup {

  /** Events kept by default. */
  public static final int DEFAULT_CAPACITY = 3_000_000;

  private final int capacity;
  private final Interner interner = new Interner();
  private final ConcurrentLinkedQueue<EventRecord> incoming = new ConcurrentLinkedQueue<>();
  private final AtomicLong admitted = new AtomicLong();
  private final AtomicLong overflow = new AtomicLong();
  private volatile Sealed sealed;

  public InMemoryEventIndex(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
  }

  public InMemoryEventIndex() {
    this(DEFAULT_CAPACITY);
  }

  /** Raw paths the records need beyond the normalised view. */
  public static List<String> requiredPaths() {
    return EventRecord.PATHS;
  }

  /** Keeps one event; thread-safe; ignored after {@link #seal()}. */
  public void accept(Event event) {
    if (admitted.incrementAndGet() > capacity) {
      overflow.incrementAndGet();
      return;
    }
    incoming.add(EventRecord.of(event, interner));
  }

  /** Adds an already compact record (tests, other sources). */
  public void add(EventRecord record) {
    if (admitted.incrementAndGet() > capacity) {
      overflow.incrementAndGet();
      return;
    }
    incoming.add(record);
  }

  /** Sorts and indexes what was accepted. Idempotent; lookups seal on first use. */
  public synchronized InMemoryEventIndex seal() {
    if (sealed == null) {
      List<EventRecord> all = new ArrayList<>(incoming);
      incoming.clear();
      all.sort(EventRecord.ORDER);
      List<EventRecord> unique = new ArrayList<>(all.size());
      String last = null;
      for (EventRecord r : all) {
        if (!r.id().equals(last)) {
          unique.add(r);
        }
        last = r.id();
      }
      sealed = new Sealed(unique);
    }
    return this;
  }

  /** Number of events kept. */
  public int size() {
    return sealed().all.size();
  }

  private Sealed sealed() {
    Sealed s = sealed;
    return s != null ? s : seal().sealed;
  }

  @Override
  public Optional<EventRecord> byId(String eventId) {
    Integer i = sealed().byId.get(eventId);
    return i == null ? Optional.empty() : Optional.of(sealed().all.get(i));
  }

  @Override
  public List<EventRecord> byAccessKey(String key, Instant from, Instant to) {
    return sealed().range(sealed().byKey, key, from, to);
  }

  @Override
  public List<EventRecord> byPrincipal(String arn, Instant from, Instant to) {
    return sealed().range(sealed().byPrincipal, arn, from, to);
  }

  @Override
  public List<EventRecord> bySession(String issuer, String session, Instant from, Instant to) {
    return sealed()
        .range(sealed().bySession, session == null ? issuer : issuer + "\n" + session, from, to);
  }

  @Override
  public List<EventRecord> byIp(String ip, Instant from, Instant to) {
    return sealed().range(sealed().byIp, ip, from, to);
  }

  @Override
  public List<EventRecord> byResource(String arn, Instant from, Instant to) {
    return sealed().range(sealed().byResource, arn, from, to);
  }

  @Override
  public Optional<EventRecord> issuing(String accessKeyId) {
    Integer i = sealed().issuing.get(accessKeyId);
    return i == null ? Optional.empty() : Optional.of(sealed().all.get(i));
  }

  @Override
  public Optional<Instant[]> span() {
    List<EventRecord> all = sealed().all;
    return all.isEmpty()
        ? Optional.empty()
        : Optional.of(new Instant[] {all.get(0).time(), all.get(all.size() - 1).time()});
  }

  @Override
  public long overflow() {
    return overflow.get();
  }

  /** The indexes: positions into the time-ordered list, so every posting list is time-ordered. */
  private static final class Sealed {
    final List<EventRecord> all;
    final Map<String, Integer> byId = new HashMap<>();
    final Map<String, Integer> issuing = new HashMap<>();
    final Map<String, int[]> byKey;
    final Map<String, int[]> byPrincipal;
    final Map<String, int[]> bySession;
    final Map<String, int[]> byIp;
    final Map<String, int[]> byResource;

    Sealed(List<EventRecord> all) {
      this.all = all;
      Map<String, IntList> key = new HashMap<>();
      Map<String, IntList> principal = new HashMap<>();
      Map<String, IntList> session = new HashMap<>();
      Map<String, IntList> ip = new HashMap<>();
      Map<String, IntList> resource = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        EventRecord r = all.get(i);
        byId.put(r.id(), i);
        post(key, r.accessKeyId(), i);
        post(principal, r.principalArn(), i);
        if (r.issuerArn() != null && r.sessionName() != null) {
          post(session, r.issuerArn() + "\n" + r.sessionName(), i);
        }
        post(session, r.issuerArn(), i);
        post(ip, r.ip(), i);
        for (String res : r.resources()) {
          post(resource, res, i);
        }
        if (!r.failed()) {
          String issued = r.field(EventRecord.ISSUED_KEY);
          if (issued != null) {
            issuing.putIfAbsent(issued, i);
          }
          String created = r.field(EventRecord.CREATED_KEY);
          if (created != null) {
            issuing.putIfAbsent(created, i);
          }
        }
      }
      byKey = freeze(key);
      byPrincipal = freeze(principal);
      bySession = freeze(session);
      byIp = freeze(ip);
      byResource = freeze(resource);
    }

    List<EventRecord> range(Map<String, int[]> index, String value, Instant from, Instant to) {
      if (value == null) {
        return List.of();
      }
      int[] positions = index.get(value);
      if (positions == null) {
        return List.of();
      }
      List<EventRecord> out = new ArrayList<>();
      for (int p : positions) {
        EventRecord r = all.get(p);
        if ((from == null || !r.time().isBefore(from)) && (to == null || !r.time().isAfter(to))) {
          out.add(r);
        }
      }
      return out;
    }

    private static void post(Map<String, IntList> index, String value, int position) {
      if (value != null) {
        index.computeIfAbsent(value, k -> new IntList()).add(position);
      }
    }

    private static Map<String, int[]> freeze(Map<String, IntList> index) {
      Map<String, int[]> out = new HashMap<>(index.size() * 2);
      index.forEach((k, v) -> out.put(k, v.toArray()));
      return out;
    }
  }

  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
