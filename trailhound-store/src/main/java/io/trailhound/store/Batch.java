package io.trailhound.store;

import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The writer thread's side: appends rows to connection-local staging tables with DuckDB's appender,
 * then moves each batch into {@code events} and {@code event_resources} in one transaction.
 *
 * <p>Why staging: the appender cannot skip rows, and an event id already stored (an earlier scan of
 * the same files) must not be stored twice. Checking costs a join against the stored ids, so it is
 * done only for the days the store held when the writer started: a first load of new days appends
 * at full speed. Why sorted batches: DuckDB keeps min/max per column per row group (~120,000 rows);
 * rows moved in (day, actor) order give row groups narrow day and actor ranges, so pivots with a
 * time range skip most of the table.
 */
final class Batch {

  private final DuckDBConnection connection;
  private final String scanId;
  private final boolean sort;
  private final Set<LocalDate> storedDays;
  private final Set<LocalDate> days = new HashSet<>();
  private final Set<LocalDate> pendingDays = new HashSet<>();
  private DuckDBAppender events;
  private DuckDBAppender resources;
  private DuckDBAppender callers;

  /** Caller keys this writer staged: each caller part is staged once (cleared when large). */
  private final Set<String> stagedCallers = new HashSet<>();

  private int pending;
  private long stored;
  private long alreadyStored;
  private long batches;

  Batch(DuckDBConnection connection, String scanId, boolean sort) throws SQLException {
    this.connection = connection;
    this.scanId = scanId;
    this.sort = sort;
    try (Statement s = connection.createStatement()) {
      Schema.createStaging(s);
      storedDays = new HashSet<>();
      try (ResultSet r = s.executeQuery("SELECT DISTINCT day FROM events")) {
        while (r.next()) {
          storedDays.add(r.getObject(1, LocalDate.class));
        }
      }
    }
  }

  int pending() {
    return pending;
  }

  long stored() {
    return stored;
  }

  long alreadyStored() {
    return alreadyStored;
  }

  long batches() {
    return batches;
  }

  Set<LocalDate> days() {
    return days;
  }

  void append(EventRow row) throws SQLException {
    if (events == null) {
      events = connection.createAppender("temp", "main", "staging_events");
      resources = connection.createAppender("temp", "main", "staging_resources");
      callers = connection.createAppender("temp", "main", "staging_callers");
    }
    EventView v = row.view();
    Actor a = v.actor();
    Endpoint e = v.source();
    LocalDate day = Sql.day(row.time());
    long micros = Sql.epochMicros(row.time());
    int epochDay = (int) day.toEpochDay();
    events.beginRow();
    events.append(row.eventId());
    events.appendEpochMicros(micros);
    events.appendEpochDays(epochDay);
    events.append(row.source());
    events.append(v.account());
    events.append(v.region());
    events.append(v.service());
    events.append(v.api());
    events.append(v.eventType());
    events.append(v.eventCategory());
    events.append(v.readOnly());
    events.append(v.outcome().errorCode());
    events.append(a.type());
    events.append(a.principalArn());
    events.append(a.principalId());
    events.append(a.userName());
    events.append(a.accessKeyId());
    events.append(a.sessionIssuerArn());
    events.append(a.sessionName());
    events.append(a.sourceIdentity());
    events.append(a.mfa());
    events.append(a.invokedBy());
    events.append(e.ip());
    events.append(e.userAgent());
    events.append(row.resourcesJson());
    events.append(row.origin());
    events.append(scanId);
    events.append(row.raw());
    events.append(row.issuedKeyId());
    events.append(row.record().record());
    events.endRow();
    if (stagedCallers.add(row.record().callerKey())) {
      callers.beginRow();
      callers.append(row.record().callerKey());
      callers.append(row.record().caller());
      callers.endRow();
    }
    for (Resource r : v.resources()) {
      if (r.arn() == null) {
        continue;
      }
      resources.beginRow();
      resources.append(row.eventId());
      resources.appendEpochMicros(micros);
      resources.appendEpochDays(epochDay);
      resources.append(r.arn());
      resources.append(r.type());
      resources.append(r.account());
      resources.endRow();
    }
    for (String arn : row.derivedResources()) {
      resources.beginRow();
      resources.append(row.eventId());
      resources.appendEpochMicros(micros);
      resources.appendEpochDays(epochDay);
      resources.append(arn);
      resources.append((String) null);
      resources.append((String) null);
      resources.endRow();
    }
    pendingDays.add(day);
    pending++;
  }

  /** Moves the staged rows into the store, without ids it already holds. */
  void flush() throws SQLException {
    if (pending == 0) {
      return;
    }
    closeAppenders();
    Set<LocalDate> overlap = new TreeSet<>(pendingDays);
    overlap.retainAll(storedDays);
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      if (!overlap.isEmpty()) {
        String in = overlap.stream().map(Sql::dateLiteral).collect(Collectors.joining(", "));
        alreadyStored +=
            s.executeUpdate(
                "DELETE FROM staging_events WHERE event_id IN (SELECT e.event_id FROM events e"
                    + " WHERE e.day IN ("
                    + in
                    + ") AND e.event_id IN (SELECT event_id FROM staging_events))");
        s.executeUpdate(
            "DELETE FROM staging_resources"
                + " WHERE event_id NOT IN (SELECT event_id FROM staging_events)");
      }
      stored +=
          s.executeUpdate(
              "INSERT INTO events SELECT * FROM staging_events"
                  + (sort ? " ORDER BY day, actor_arn, event_time" : ""));
      s.executeUpdate(
          "INSERT INTO event_resources SELECT * FROM staging_resources"
              + (sort ? " ORDER BY day, arn, event_time" : ""));
      // a key names one caller part (128 bits of SHA-256): a key already stored is not stored again
      s.executeUpdate(
          "INSERT INTO callers SELECT caller_key, min(caller) FROM staging_callers"
              + " WHERE caller_key NOT IN (SELECT caller_key FROM callers) GROUP BY caller_key");
      s.execute("DELETE FROM staging_events");
      s.execute("DELETE FROM staging_resources");
      s.execute("DELETE FROM staging_callers");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    days.addAll(pendingDays);
    pendingDays.clear();
    pending = 0;
    if (stagedCallers.size() > 1 << 20) {
      stagedCallers.clear();
    }
    batches++;
  }

  /** Builds the pivot indexes a store without them lacks (after its first load). */
  void index() throws SQLException {
    try (Statement s = connection.createStatement()) {
      Schema.createIndexes(s);
    }
  }

  /** Closes the appenders and the writer's connection. */
  void release() {
    try {
      closeAppenders();
    } catch (SQLException ignored) {
      // the connection is closed next; nothing staged is kept
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing a duplicate connection cannot lose stored data
    }
  }

  private void closeAppenders() throws SQLException {
    if (events != null) {
      events.close();
      resources.close();
      callers.close();
      events = null;
      resources = null;
      callers = null;
    }
  }
}
