package io.trailhound.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Age-based housekeeping by UTC day, the store's unit of partitioning: delete old days, or move
 * them to Parquet files (zstd) first. Ages are measured from the newest stored event, not from the
 * wall clock, so the same store and the same command always keep the same days.
 */
public final class Retention {

  private final Connection connection;

  Retention(Connection connection) {
    this.connection = connection;
  }

  /**
   * Keeps the {@code days} newest calendar days ending at the newest event's day and deletes older
   * events.
   */
  public RetentionResult keepDays(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("retention must keep at least one day");
    }
    try {
      LocalDate newest = newestDay();
      if (newest == null) {
        return new RetentionResult(null, 0, 0);
      }
      LocalDate cutoff = newest.minusDays(days - 1L);
      List<LocalDate> old = daysBefore(cutoff);
      long deleted = 0;
      for (LocalDate d : old) {
        deleted += deleteDay(d);
      }
      reclaim();
      return new RetentionResult(cutoff, old.size(), deleted);
    } catch (SQLException e) {
      throw new StoreException("retention failed: " + EventStore.message(e), e);
    }
  }

  /**
   * Writes each stored day before {@code before} to {@code dir/events-YYYY-MM-DD.parquet} (and its
   * resource rows to {@code event_resources-YYYY-MM-DD.parquet}), reads the file back to check that
   * every row is there, then deletes the day from the store. A day exported before gets a numbered
   * file beside the first rather than overwriting it.
   */
  public List<ExportedDay> exportBefore(LocalDate before, Path dir) {
    try {
      Files.createDirectories(dir);
      List<ExportedDay> out = new ArrayList<>();
      for (LocalDate d : daysBefore(before)) {
        Path events = fresh(dir, "events-" + d);
        Path resources = fresh(dir, "event_resources-" + d);
        long n = copy("events", d, events, "event_time, event_id");
        long r = copy("event_resources", d, resources, "event_time, event_id, arn");
        if (parquetRows(events) != n || parquetRows(resources) != r) {
          throw new StoreException(
              "exported " + events + " does not read back whole; " + d + " stays in the store");
        }
        deleteDay(d);
        out.add(new ExportedDay(d, n, events, resources));
      }
      reclaim();
      return out;
    } catch (java.io.IOException e) {
      throw new StoreException("cannot write to " + dir + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException("export failed: " + EventStore.message(e), e);
    }
  }

  private LocalDate newestDay() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT max(day) FROM events")) {
      r.next();
      return r.getObject(1, LocalDate.class);
    }
  }

  private List<LocalDate> daysBefore(LocalDate cutoff) throws SQLException {
    List<LocalDate> days = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT day FROM events WHERE day < ? UNION SELECT day FROM event_resources"
                + " WHERE day < ? ORDER BY day")) {
      ps.setObject(1, cutoff);
      ps.setObject(2, cutoff);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          days.add(r.getObject(1, LocalDate.class));
        }
      }
    }
    return days;
  }

  private long deleteDay(LocalDate d) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement events =
            connection.prepareStatement("DELETE FROM events WHERE day = ?");
        PreparedStatement resources =
            connection.prepareStatement("DELETE FROM event_resources WHERE day = ?")) {
      events.setObject(1, d);
      resources.setObject(1, d);
      long n = events.executeUpdate();
      resources.executeUpdate();
      connection.commit();
      return n;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private long copy(String table, LocalDate d, Path file, String order) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(
          "COPY (SELECT * FROM "
              + table
              + " WHERE day = "
              + Sql.dateLiteral(d)
              + " ORDER BY "
              + order
              + ") TO "
              + literal(file)
              + " (FORMAT PARQUET, COMPRESSION ZSTD)");
    }
  }

  private long parquetRows(Path file) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file) + ")")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Frees the space of deleted days in the database file. */
  private void reclaim() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  private static Path fresh(Path dir, String stem) {
    Path p = dir.resolve(stem + ".parquet");
    for (int n = 2; Files.exists(p); n++) {
      p = dir.resolve(stem + "-" + n + ".parquet");
    }
    return p;
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
