package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.investigate.EventLookup;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Interner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The investigation pivots answered by the store: each is one SQL filter on an indexed column and
 * the time range; the matching rows' raw JSON is read back through the scan's own readers and
 * turned into {@link EventRecord}s exactly as the scan's in-memory index builds them, so an
 * investigation from the store sees what one from the logs sees.
 */
public final class StoreEventLookup implements EventLookup {

  private static final Comparator<EventRecord> ORDER =
      Comparator.comparing(EventRecord::time).thenComparing(EventRecord::id);
  private static final Set<String> CAPTURE = Set.copyOf(InMemoryEventIndex.requiredPaths());

  private final Connection connection;
  private final BiFunction<byte[], Set<String>, List<Event>> reader;
  private final Interner interner = new Interner();

  /**
   * A lookup over {@code store}; {@code reader} turns newline-separated raw records into events,
   * capturing the given raw paths (the scan's readers: {@code RawRecords::read} in the CLI; the
   * store itself does not parse logs).
   */
  public StoreEventLookup(EventStore store, BiFunction<byte[], Set<String>, List<Event>> reader) {
    this.connection = store.connection();
    this.reader = reader;
  }

  @Override
  public Optional<EventRecord> byId(String eventId) {
    if (eventId == null) {
      return Optional.empty();
    }
    List<EventRecord> r =
        select("SELECT source, raw FROM events WHERE event_id = ? LIMIT 1", List.of(eventId));
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  @Override
  public List<EventRecord> byAccessKey(String accessKeyId, Instant from, Instant to) {
    return pivot("access_key_id = ?", from, to, accessKeyId);
  }

  @Override
  public List<EventRecord> byPrincipal(String principalArn, Instant from, Instant to) {
    return pivot("actor_arn = ?", from, to, principalArn);
  }

  @Override
  public List<EventRecord> bySession(
      String issuerArn, String sessionName, Instant from, Instant to) {
    if (issuerArn == null) {
      return List.of();
    }
    return sessionName == null
        ? pivot("session_issuer_arn = ?", from, to, issuerArn)
        : pivot("session_issuer_arn = ? AND session_name = ?", from, to, issuerArn, sessionName);
  }

  @Override
  public List<EventRecord> byIp(String ip, Instant from, Instant to) {
    return pivot("source_ip = ?", from, to, ip);
  }

  /**
   * Events naming the resource in {@code event_resources}, which holds the event's own resources
   * and the ARNs derived from its request parameters (as the in-memory index derives them).
   */
  @Override
  public List<EventRecord> byResource(String arn, Instant from, Instant to) {
    if (arn == null) {
      return List.of();
    }
    return select(
        "SELECT source, raw FROM events WHERE event_id IN (SELECT event_id FROM event_resources"
            + " WHERE arn = ?"
            + range(from, to)
            + ")"
            + range(from, to)
            + " ORDER BY event_time, event_id",
        withRange(withRange(List.of(arn), from, to), from, to));
  }

  /**
   * The successful call whose response carries the key, earliest first: a filter on {@code
   * issued_key_id} (filled on load from the same response fields), confirmed on the parsed record.
   */
  @Override
  public Optional<EventRecord> issuing(String accessKeyId) {
    if (accessKeyId == null || accessKeyId.isEmpty()) {
      return Optional.empty();
    }
    for (EventRecord r :
        select(
            "SELECT source, raw FROM events WHERE issued_key_id = ?"
                + " ORDER BY event_time, event_id",
            List.of(accessKeyId))) {
      if (!r.failed()
          && (accessKeyId.equals(r.field(EventRecord.ISSUED_KEY))
              || accessKeyId.equals(r.field(EventRecord.CREATED_KEY)))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Instant[]> span() {
    try (PreparedStatement ps =
            connection.prepareStatement("SELECT min(event_time), max(event_time) FROM events");
        ResultSet r = ps.executeQuery()) {
      r.next();
      Object min = r.getObject(1);
      if (min == null) {
        return Optional.empty();
      }
      return Optional.of(new Instant[] {Sql.instant(min), Sql.instant(r.getObject(2))});
    } catch (SQLException e) {
      throw new StoreException("span of the store failed: " + EventStore.message(e), e);
    }
  }

  /** The store keeps every event it was given: nothing overflows. */
  @Override
  public long overflow() {
    return 0;
  }

  private List<EventRecord> pivot(String filter, Instant from, Instant to, String... values) {
    for (String v : values) {
      if (v == null) {
        return List.of();
      }
    }
    return select(
        "SELECT source, raw FROM events WHERE "
            + filter
            + range(from, to)
            + " ORDER BY event_time, event_id",
        withRange(List.of(values), from, to));
  }

  /** Inclusive bounds, also on {@code day} so DuckDB skips other days' row groups. */
  private static String range(Instant from, Instant to) {
    return (from == null ? "" : " AND event_time >= ? AND day >= ?")
        + (to == null ? "" : " AND event_time <= ? AND day <= ?");
  }

  private static List<Object> withRange(List<?> values, Instant from, Instant to) {
    List<Object> out = new ArrayList<>(values);
    if (from != null) {
      out.add(Sql.timestamp(from));
      out.add(Sql.day(from));
    }
    if (to != null) {
      out.add(Sql.timestamp(to));
      out.add(Sql.day(to));
    }
    return out;
  }

  private List<EventRecord> select(String sql, List<?> params) {
    Map<String, ByteArrayOutputStream> bySource = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object p : params) {
        ps.setObject(i++, p);
      }
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          ByteArrayOutputStream lines =
              bySource.computeIfAbsent(r.getString(1), s -> new ByteArrayOutputStream());
          lines.writeBytes(r.getString(2).getBytes(StandardCharsets.UTF_8));
          lines.write('\n');
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    List<EventRecord> out = new ArrayList<>();
    for (ByteArrayOutputStream lines : bySource.values()) {
      for (Event e : reader.apply(lines.toByteArray(), CAPTURE)) {
        out.add(EventRecord.of(e, interner));
      }
    }
    out.sort(ORDER);
    return out;
  }
}
