package io.trailhound.store;

import io.trailhound.event.Event;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the rows a {@link StoreEventLookup} query selects as {@link EventRecord}s — from the {@code
 * record} column, or from the raw JSON through the scan's readers for events stored before it — and
 * the SQL text and parameters the lookups share.
 */
final class RecordRows {

  private static final Set<String> CAPTURE = Set.copyOf(InMemoryEventIndex.requiredPaths());

  /**
   * The columns {@link #select} reads: the record as UTF-8 bytes ({@code encode} is a plain
   * conversion, where a cast to BLOB would interpret backslash escapes), which JDBC hands over as a
   * copy instead of decoding a String per row, and Jackson parses directly.
   */
  static final String COLUMNS;

  static {
    // id and day only where the record cannot be used (null, or written for other kept paths):
    // materialised for every row they cost a busy actor's read a fifth of its time in DuckDB
    String stale =
        "CASE WHEN record IS NULL OR NOT starts_with(record, '[" + RecordCodec.PATHS + ",') THEN ";
    COLUMNS =
        "encode(record), " + stale + "source END, " + stale + "event_id END, " + stale + "day END";
  }

  /** Most rows {@link #where} fetches by row id. */
  static final int BY_ROW_ID = 2_000;

  private final Connection connection;
  private final BiFunction<byte[], Set<String>, List<Event>> reader;

  RecordRows(Connection connection, BiFunction<byte[], Set<String>, List<Event>> reader) {
    this.connection = connection;
    this.reader = reader;
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
  }

  /** Inclusive bounds, also on {@code day} so DuckDB skips other days' row groups. */
  static String range(Instant from, Instant to) {
    return (from == null ? "" : " AND event_time >= ? AND day >= ?")
        + (to == null ? "" : " AND event_time <= ? AND day <= ?");
  }

  static List<Object> withRange(List<?> values, Instant from, Instant to) {
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

  /**
   * Events matching {@code filter} (an SQL condition on {@code events} with {@code params}) that no
   * index answers, such as a list of event ids, in two steps: the matching row ids first, from the
   * narrow filter columns, then the {@code record} column of those rows only. A wide column read in
   * the same pass as a selective filter decompresses every vector that holds a match (about 30 ms
   * for two events in a day of a 400,000-event store); fetched by row id it costs a millisecond.
   * More than {@link #BY_ROW_ID} rows are read in one pass, which is cheaper for them.
   */
  List<EventRecord> where(String filter, List<?> params) {
    List<Long> rowIds = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT rowid FROM events WHERE " + filter)) {
      bind(ps, params);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          rowIds.add(r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    if (rowIds.isEmpty()) {
      return new ArrayList<>();
    }
    if (rowIds.size() <= BY_ROW_ID) {
      StringBuilder in = new StringBuilder();
      for (Long id : rowIds) {
        in.append(in.length() == 0 ? "" : ", ").append(id.longValue());
      }
      // the filter again: the row ids were read in another statement, and a retention run in
      // between could have moved rows; then the count differs and the filter is read in one pass
      List<EventRecord> out =
          select(
              "SELECT "
                  + COLUMNS
                  + " FROM events WHERE rowid IN (SELECT unnest(["
                  + in
                  + "])) AND "
                  + filter,
              params);
      if (out.size() == rowIds.size()) {
        return out;
      }
    }
    return select("SELECT " + COLUMNS + " FROM events WHERE " + filter, params);
  }

  /**
   * Runs a query whose columns are {@link #COLUMNS} and turns the rows into records: from the
   * {@code record} column, or, for events stored before it existed, from their raw JSON through the
   * scan's readers.
   */
  List<EventRecord> select(String sql, List<?> params) {
    List<byte[]> pending = new ArrayList<>();
    List<EventRecord> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    java.util.TreeSet<java.time.LocalDate> days = new java.util.TreeSet<>();
    // strings are shared within one answer only: an interner kept across lookups would grow with
    // every busy actor's object names and keep them alive for the collector to copy
    Interner interner = new Interner();
    RecordDecoder decoder = new RecordDecoder(interner);
    java.util.Set<String> keys = new java.util.HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          byte[] json = r.getBytes(1);
          String id = r.getString(3);
          if (json == null || id != null) {
            if (id == null) {
              throw new StoreException("unreadable record column (its head names the kept paths)");
            }
            missing.add(id);
            days.add(r.getObject(4, java.time.LocalDate.class));
            continue;
          }
          // a record whose caller part the decoder does not have yet waits for the next fetch of
          // parts, a batch of keys in one indexed query; the others are decoded at once, so a
          // busy actor's rows are let go of as they are read
          String key = decoder.missingKey(json);
          if (key == null) {
            decode(decoder, json, out, missing, days);
          } else {
            keys.add(key);
            pending.add(json);
            if (pending.size() >= PENDING) {
              decodePending(decoder, pending, keys, out, missing, days);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("store lookup failed: " + EventStore.message(e), e);
    }
    decodePending(decoder, pending, keys, out, missing, days);
    if (!missing.isEmpty()) {
      out.addAll(fromRaw(missing, days, interner));
    }
    out.sort(EventRecord.ORDER);
    return out;
  }

  /** Records that may wait for their caller parts in {@link #select}. */
  private static final int PENDING = 8192;

  /** Fetches the caller parts of {@code keys}, decodes {@code pending}, and empties both. */
  private void decodePending(
      RecordDecoder decoder,
      List<byte[]> pending,
      java.util.Set<String> keys,
      List<EventRecord> out,
      List<String> missing,
      java.util.Set<java.time.LocalDate> days) {
    if (!keys.isEmpty()) {
      decoder.provide(callers(keys));
      keys.clear();
    }
    for (byte[] json : pending) {
      decode(decoder, json, out, missing, days);
    }
    pending.clear();
  }

  /**
   * Decodes one record into {@code out}; a record whose caller part the store lacks is read from
   * its raw JSON instead ({@code missing}), never decoded with a guess.
   */
  private static void decode(
      RecordDecoder decoder,
      byte[] json,
      List<EventRecord> out,
      List<String> missing,
      java.util.Set<java.time.LocalDate> days) {
    EventRecord record = decoder.decode(json);
    if (record != null) {
      out.add(record);
      return;
    }
    Map.Entry<String, Instant> head = RecordCodec.idAndTime(json);
    if (head == null) {
      throw new StoreException("unreadable record column (no id and time in its head)");
    }
    missing.add(head.getKey());
    days.add(Sql.day(head.getValue()));
  }

  /** Caller parts by key (see {@link RecordCodec#split}), a thousand keys per query. */
  private Map<String, String> callers(java.util.Collection<String> keys) {
    Map<String, String> out = new java.util.HashMap<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += 1_000) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 1_000));
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT caller_key, caller FROM callers WHERE caller_key IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        bind(ps, chunk);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), r.getString(2));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("store lookup failed: " + EventStore.message(e), e);
      }
    }
    return out;
  }

  private List<EventRecord> fromRaw(
      List<String> ids, java.util.Set<java.time.LocalDate> days, Interner interner) {
    String in =
        days.stream().map(Sql::dateLiteral).collect(java.util.stream.Collectors.joining(", "));
    Map<String, ByteArrayOutputStream> bySource = new LinkedHashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT source, raw FROM events WHERE day IN ("
                + in
                + ") AND event_id IN ("
                + placeholders(ids.size())
                + ")")) {
      bind(ps, ids);
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
    return out;
  }
}
