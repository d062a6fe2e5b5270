package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.investigate.EventLookup;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

  /** Longest list of event ids fetched by id; more are joined instead. */
  private static final int MAX_IDS = 5_000;

  /** Addresses with at most this many events are read through the address index. */
  private static final long RARE_ADDRESS = 2_000;

  private final Connection connection;
  private final RecordRows rows;
  private final Map<String, Long> addressCounts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A lookup over {@code store}; {@code reader} turns newline-separated raw records into events,
   * capturing the given raw paths (the scan's readers: {@code RawRecords::read} in the CLI; the
   * store itself does not parse logs).
   */
  public StoreEventLookup(EventStore store, BiFunction<byte[], Set<String>, List<Event>> reader) {
    this.connection = store.connection();
    this.rows = new RecordRows(connection, reader);
  }

  @Override
  public Optional<EventRecord> byId(String eventId) {
    if (eventId == null) {
      return Optional.empty();
    }
    List<EventRecord> r = rows.where("event_id = ?", List.of(eventId));
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
    return resource(arn, from, to, "", List.of());
  }

  /**
   * The API filter is part of the query: a busy resource's routine calls (a function every deploy
   * updates) are never read. The version suffix is cut as {@code PrivescCatalog.baseApi} cuts it:
   * trailing digits and {@code v}, unless nothing would be left.
   */
  @Override
  public List<EventRecord> byResource(String arn, Instant from, Instant to, Set<String> apis) {
    List<String> names = apis.stream().filter(java.util.Objects::nonNull).sorted().toList();
    if (names.isEmpty()) {
      return List.of();
    }
    return resource(
        arn,
        from,
        to,
        " AND (CASE WHEN rtrim(event_name, '0123456789v') = '' THEN event_name"
            + " ELSE rtrim(event_name, '0123456789v') END) IN ("
            + RecordRows.placeholders(names.size())
            + ")",
        names);
  }

  /** Events naming the resource that also match {@code filter} (with {@code filterParams}). */
  private List<EventRecord> resource(
      String arn, Instant from, Instant to, String filter, List<String> filterParams) {
    if (arn == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    java.util.TreeSet<java.time.LocalDate> days = new java.util.TreeSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT event_id, day FROM event_resources WHERE arn = ?"
                + RecordRows.range(from, to))) {
      RecordRows.bind(ps, RecordRows.withRange(List.of(arn), from, to));
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
          days.add(r.getObject(2, java.time.LocalDate.class));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    if (ids.size() > MAX_IDS) {
      // a busy resource: one join over the range beats a huge list of ids
      List<Object> params =
          RecordRows.withRange(RecordRows.withRange(List.of(arn), from, to), from, to);
      params.addAll(filterParams);
      return rows.select(
          "SELECT "
              + RecordRows.COLUMNS
              + " FROM events WHERE event_id IN (SELECT event_id"
              + " FROM event_resources WHERE arn = ?"
              + RecordRows.range(from, to)
              + ")"
              + RecordRows.range(from, to)
              + filter,
          params);
    }
    List<Object> params = new ArrayList<>(ids);
    params.addAll(filterParams);
    return rows.where(
        "day IN ("
            + days.stream().map(Sql::dateLiteral).collect(java.util.stream.Collectors.joining(", "))
            + ") AND event_id IN ("
            + RecordRows.placeholders(ids.size())
            + ")"
            + filter,
        params);
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
        rows.select(
            "SELECT " + RecordRows.COLUMNS + " FROM events WHERE issued_key_id = ?",
            List.of(accessKeyId))) {
      if (!r.failed()
          && (accessKeyId.equals(r.field(EventRecord.ISSUED_KEY))
              || accessKeyId.equals(r.field(EventRecord.CREATED_KEY)))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * One query for all ids, restricted to the expected range's days; the ids not found there (a
   * finding whose evidence lies outside its first and last seen) are looked for once more in every
   * day.
   */
  @Override
  public List<EventRecord> byIds(List<String> ids, Instant from, Instant to) {
    List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    Map<String, EventRecord> found = new HashMap<>();
    idsIn(wanted, from, to).forEach(r -> found.putIfAbsent(r.id(), r));
    if (found.size() < wanted.size() && (from != null || to != null)) {
      List<String> rest = wanted.stream().filter(id -> !found.containsKey(id)).toList();
      idsIn(rest, null, null).forEach(r -> found.putIfAbsent(r.id(), r));
    }
    List<EventRecord> out = new ArrayList<>();
    for (String id : ids) {
      EventRecord r = id == null ? null : found.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private List<EventRecord> idsIn(List<String> ids, Instant from, Instant to) {
    return rows.where(
        "event_id IN (" + RecordRows.placeholders(ids.size()) + ")" + RecordRows.range(from, to),
        RecordRows.withRange(ids, from, to));
  }

  /** The address filter is part of the query: an owner's daily use of the key is never read. */
  @Override
  public List<EventRecord> byAccessKey(
      String accessKeyId, Instant from, Instant to, Set<String> ips) {
    if (ips.isEmpty() || ips.contains(null)) {
      return EventLookup.super.byAccessKey(accessKeyId, from, to, ips);
    }
    return pivotFrom("access_key_id = ?", accessKeyId, from, to, ips);
  }

  @Override
  public List<EventRecord> byPrincipal(
      String principalArn, Instant from, Instant to, Set<String> ips) {
    if (ips.isEmpty() || ips.contains(null)) {
      return EventLookup.super.byPrincipal(principalArn, from, to, ips);
    }
    return pivotFrom("actor_arn = ?", principalArn, from, to, ips);
  }

  /**
   * The principals' and keys' events are read together, once: one scan of the busy addresses' rows
   * for all of them, and one index read per rare address, where a pivot per principal and per key
   * read a busy role's history again for each of its keys (an IAM user's key signs its user's
   * calls). The answer is ordered as the interface's: each key's events, then the principals'.
   */
  @Override
  public List<EventRecord> credentials(Set<String> keys, Set<String> principals, Set<String> ips) {
    if (ips.isEmpty() || ips.contains(null) || principals.isEmpty() || principals.contains(null)) {
      return EventLookup.super.credentials(keys, principals, ips);
    }
    Map<String, List<EventRecord>> byKey = new java.util.LinkedHashMap<>();
    Map<String, List<EventRecord>> byPrincipal = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      if (key != null) {
        byKey.put(key, new ArrayList<>());
      }
    }
    for (String principal : principals) {
      byPrincipal.put(principal, new ArrayList<>());
    }
    List<EventRecord> all = pivotFromAny(byPrincipal.keySet(), byKey.keySet(), ips);
    for (EventRecord e : all) {
      List<EventRecord> ofKey = e.accessKeyId() == null ? null : byKey.get(e.accessKeyId());
      if (ofKey != null) {
        ofKey.add(e);
      }
      List<EventRecord> ofPrincipal =
          e.principalArn() == null ? null : byPrincipal.get(e.principalArn());
      if (ofPrincipal != null) {
        ofPrincipal.add(e);
      }
    }
    // an event has one key and one principal, and the store one row per event id: each key's
    // events are its own, and a principal's not yet listed are those signed with no key asked about
    List<EventRecord> out = new ArrayList<>(all.size());
    byKey.values().forEach(out::addAll);
    for (List<EventRecord> events : byPrincipal.values()) {
      for (EventRecord e : events) {
        if (e.accessKeyId() == null || !byKey.containsKey(e.accessKeyId())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * Events from {@code ips} of any of the principals or keys, in {@link EventRecord#ORDER}: rare
   * addresses through their index, each once, and the busy ones in one scan.
   */
  private List<EventRecord> pivotFromAny(
      Set<String> principals, Set<String> keys, Set<String> ips) {
    List<Object> params = new ArrayList<>(principals);
    params.addAll(keys);
    return fromAddresses(
        ips,
        null,
        null,
        e ->
            (e.principalArn() != null && principals.contains(e.principalArn()))
                || (e.accessKeyId() != null && keys.contains(e.accessKeyId())),
        "actor_arn IN ("
            + RecordRows.placeholders(principals.size())
            + ")"
            + (keys.isEmpty()
                ? ""
                : " OR access_key_id IN (" + RecordRows.placeholders(keys.size()) + ")"),
        params);
  }

  @Override
  public Set<String> keyAddressesBefore(String accessKeyId, Instant before) {
    return addressesBefore("access_key_id", accessKeyId, before);
  }

  @Override
  public Set<String> principalAddressesBefore(String principalArn, Instant before) {
    return addressesBefore("actor_arn", principalArn, before);
  }

  /**
   * Grouped in the store: a busy role's history of millions of events comes back as one row per
   * API, address and run, and no raw JSON is read. Safe to call beside the other lookups.
   */
  @Override
  public List<Usage> usage(String owner, boolean session, Set<String> apis) {
    List<String> names = apis.stream().filter(java.util.Objects::nonNull).toList();
    if (owner == null || names.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(owner);
    params.addAll(names);
    List<Usage> out = new ArrayList<>();
    // a connection of its own: investigation asks this beside its other lookups (see
    // RoutineHistory), and one DuckDB connection runs one query at a time
    try (Connection own = ((org.duckdb.DuckDBConnection) connection).duplicate();
        PreparedStatement ps =
            own.prepareStatement(
                "SELECT event_name, source_ip, run, min(event_time),"
                    + " first(event_id ORDER BY event_time, event_id) FROM (SELECT event_name,"
                    + " source_ip, event_time, event_id, CASE WHEN access_key_id LIKE 'ASIA%' THEN"
                    + " access_key_id ELSE strftime(event_time, '%Y-%m-%d') END AS run FROM events"
                    + " WHERE "
                    + (session ? "session_issuer_arn" : "actor_arn")
                    + " = ? AND event_name IN ("
                    + RecordRows.placeholders(names.size())
                    + ")) GROUP BY event_name, source_ip, run")) {
      RecordRows.bind(ps, params);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.add(
              new Usage(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  Sql.instant(r.getObject(4)),
                  r.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    out.sort(Usage.ORDER);
    return out;
  }

  /** Events of a key or principal from some addresses (see {@link #fromAddresses}). */
  private List<EventRecord> pivotFrom(
      String filter, String value, Instant from, Instant to, Set<String> ips) {
    if (value == null) {
      return List.of();
    }
    boolean byKey = filter.startsWith("access_key_id");
    return fromAddresses(
        ips,
        from,
        to,
        e -> value.equals(byKey ? e.accessKeyId() : e.principalArn()),
        filter,
        List.of(value));
  }

  /**
   * Events from some addresses that {@code wanted} accepts, in {@link EventRecord#ORDER}. An
   * attacker's address is rare and its index answers in a millisecond, where the busy key or
   * principal it used (the owner's, every day) would scan its column: so rare addresses are read by
   * address and filtered here, and only busy ones are filtered together with {@code condition} (the
   * same test in SQL, with {@code params}) in one scan.
   */
  private List<EventRecord> fromAddresses(
      Set<String> ips,
      Instant from,
      Instant to,
      java.util.function.Predicate<EventRecord> wanted,
      String condition,
      List<?> params) {
    List<EventRecord> out = new ArrayList<>();
    List<String> busy = new ArrayList<>();
    for (String ip : new java.util.TreeSet<>(ips)) {
      if (addressCount(ip) > RARE_ADDRESS) {
        busy.add(ip);
        continue;
      }
      for (EventRecord e :
          rows.select(
              "SELECT "
                  + RecordRows.COLUMNS
                  + " FROM events WHERE source_ip = ?"
                  + RecordRows.range(from, to),
              RecordRows.withRange(List.of(ip), from, to))) {
        if (wanted.test(e)) {
          out.add(e);
        }
      }
    }
    if (!busy.isEmpty()) {
      List<Object> all = new ArrayList<>(params);
      all.addAll(busy);
      out.addAll(
          rows.select(
              "SELECT "
                  + RecordRows.COLUMNS
                  + " FROM events WHERE ("
                  + condition
                  + ") AND source_ip IN ("
                  + RecordRows.placeholders(busy.size())
                  + ")"
                  + RecordRows.range(from, to),
              RecordRows.withRange(all, from, to)));
    }
    out.sort(EventRecord.ORDER);
    return out;
  }

  /** Events from an address, counted once per lookup (an index probe when it is rare). */
  private long addressCount(String ip) {
    return addressCounts.computeIfAbsent(
        ip,
        k -> {
          try (PreparedStatement ps =
              connection.prepareStatement("SELECT count(*) FROM events WHERE source_ip = ?")) {
            RecordRows.bind(ps, List.of(k));
            try (ResultSet r = ps.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          } catch (SQLException e) {
            throw new StoreException("store lookup failed: " + EventStore.message(e), e);
          }
        });
  }

  private Set<String> addressesBefore(String column, String value, Instant before) {
    Set<String> out = new LinkedHashSet<>();
    if (value == null) {
      return out;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT source_ip FROM events WHERE "
                + column
                + " = ? AND event_time < ? AND day <= ?")) {
      RecordRows.bind(ps, List.of(value, Sql.timestamp(before), Sql.day(before)));
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    return out;
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
    return rows.select(
        "SELECT "
            + RecordRows.COLUMNS
            + " FROM events WHERE "
            + filter
            + RecordRows.range(from, to),
        RecordRows.withRange(List.of(values), from, to));
  }
}
