package io.trailhound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The questions an investigation asks first: every event of an actor, key, role session, address or
 * resource in a time range, earliest first. Each is one equality filter on a column plus a time
 * range; the range also filters {@code day}, which the load order keeps clustered, so DuckDB skips
 * the row groups of other days from their min/max statistics alone.
 */
public final class Pivots {

  private static final String COLUMNS =
      "event_id, event_time, account, region, event_source, event_name, error_code, actor_arn,"
          + " access_key_id, session_issuer_arn, session_name, source_ip, user_agent, raw";

  private final Connection connection;

  Pivots(Connection connection) {
    this.connection = connection;
  }

  /** At most {@code limit} events matching the pivot in the range, by event time then id. */
  public List<StoredEvent> events(Pivot pivot, TimeRange range, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0");
    }
    try {
      if (pivot instanceof Pivot.ActorArn p) {
        return byColumns(List.of("actor_arn"), List.of(p.arn()), range, limit);
      }
      if (pivot instanceof Pivot.AccessKey p) {
        return byColumns(List.of("access_key_id"), List.of(p.id()), range, limit);
      }
      if (pivot instanceof Pivot.RoleSession p) {
        return byColumns(
            List.of("session_issuer_arn", "session_name"),
            List.of(p.issuerArn(), p.sessionName()),
            range,
            limit);
      }
      if (pivot instanceof Pivot.SourceIp p) {
        return byColumns(List.of("source_ip"), List.of(p.ip()), range, limit);
      }
      if (pivot instanceof Pivot.ResourceArn p) {
        return byResource(p.arn(), range, limit);
      }
      throw new IllegalArgumentException("unknown pivot " + pivot);
    } catch (SQLException e) {
      throw new StoreException("pivot " + pivot + " failed: " + EventStore.message(e), e);
    }
  }

  private List<StoredEvent> byColumns(
      List<String> columns, List<String> values, TimeRange range, int limit) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM events WHERE ");
    sql.append(String.join(" AND ", columns.stream().map(c -> c + " = ?").toList()));
    sql.append(rangeFilter(range)).append(" ORDER BY event_time, event_id LIMIT ?");
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (String v : values) {
        ps.setString(i++, v);
      }
      i = bindRange(ps, i, range);
      ps.setInt(i, limit);
      return read(ps);
    }
  }

  /**
   * Resource pivots look the ids up in {@code event_resources} (one row per event and resource),
   * then fetch those events from their days only.
   */
  private List<StoredEvent> byResource(String arn, TimeRange range, int limit) throws SQLException {
    List<String> ids = new ArrayList<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT event_id, event_time, day FROM event_resources WHERE arn = ?"
                + rangeFilter(range)
                + " ORDER BY event_time, event_id LIMIT ?")) {
      ps.setString(1, arn);
      int i = bindRange(ps, 2, range);
      ps.setInt(i, limit);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
          days.add(r.getObject(3, LocalDate.class));
        }
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = days.stream().map(Sql::dateLiteral).collect(Collectors.joining(", "));
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM events WHERE day IN ("
                + in
                + ") AND list_contains(?, event_id) ORDER BY event_time, event_id")) {
      ps.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
      return read(ps);
    }
  }

  /**
   * {@code " AND ..."} for the bounds given, else nothing: a constant {@code AND true} would keep
   * DuckDB from answering the equality filter from its index.
   */
  private static String rangeFilter(TimeRange range) {
    return (range.from() == null ? "" : " AND event_time >= ? AND day >= ?")
        + (range.to() == null ? "" : " AND event_time < ? AND day <= ?");
  }

  private static int bindRange(PreparedStatement ps, int start, TimeRange range)
      throws SQLException {
    int i = start;
    if (range.from() != null) {
      ps.setObject(i++, Sql.timestamp(range.from()));
      ps.setObject(i++, Sql.day(range.from()));
    }
    if (range.to() != null) {
      ps.setObject(i++, Sql.timestamp(range.to()));
      ps.setObject(i++, Sql.day(range.to()));
    }
    return i;
  }

  private static List<StoredEvent> read(PreparedStatement ps) throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    try (ResultSet r = ps.executeQuery()) {
      while (r.next()) {
        out.add(
            new StoredEvent(
                r.getString(1),
                Sql.instant(r.getObject(2)),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                r.getString(14)));
      }
    }
    return out;
  }
}
