package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import org.duckdb.DuckDBConnection;

/**
 * An embedded DuckDB file holding normalised events with their raw JSON, findings and scan records:
 * the memory that hunting queries and investigations pivot over. Open it read-write to load (one
 * process at a time: DuckDB locks the file) or read-only to query.
 */
public final class EventStore implements AutoCloseable {

  private final Path file;
  private final DuckDBConnection connection;
  private final boolean readOnly;
  private final StoreOptions options;
  private final Clock clock;

  private EventStore(
      Path file, DuckDBConnection connection, boolean readOnly, StoreOptions options, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.readOnly = readOnly;
    this.options = options;
    this.clock = clock;
  }

  /** Opens the store at {@code file} for loading, creating it when absent. */
  public static EventStore open(Path file, StoreOptions options, Clock clock, String version) {
    return open(file, false, options, clock, version);
  }

  /**
   * Opens an existing store for queries only: writes are refused by DuckDB, and so is any access
   * outside the store (files, other databases, extensions), so a hunting query cannot change
   * anything.
   */
  public static EventStore openReadOnly(Path file, Clock clock) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no store at " + file);
    }
    return open(file, true, StoreOptions.defaults(), clock, "");
  }

  private static EventStore open(
      Path file, boolean readOnly, StoreOptions options, Clock clock, String version) {
    Properties p = new Properties();
    if (readOnly) {
      p.setProperty("duckdb.read_only", "true");
    }
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    DuckDBConnection c;
    try {
      c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, p);
    } catch (SQLException e) {
      throw new StoreException(file + " cannot be opened as a Trailhound store: " + message(e), e);
    }
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit = '" + options.memoryLimit() + "'");
        s.execute("SET threads = " + options.threads());
      }
      Schema.ensure(c, readOnly, version, clock.instant(), file.toString());
      if (readOnly) {
        try (Statement s = c.createStatement()) {
          s.execute("SET enable_external_access = false");
          s.execute("SET lock_configuration = true");
        }
      }
      return new EventStore(file, c, readOnly, options, clock);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException(file + ": " + message(e), e);
    }
  }

  public Path file() {
    return file;
  }

  /** A writer that loads events on its own thread, tagging them with {@code scanId}. */
  public EventWriter writer(String scanId) {
    requireWritable();
    try {
      return new EventWriter((DuckDBConnection) connection.duplicate(), scanId, options);
    } catch (SQLException e) {
      throw new StoreException("cannot start writing " + file + ": " + message(e), e);
    }
  }

  /** Stores findings, replacing earlier versions of the same finding ids. */
  public void saveFindings(String scanId, List<Finding> findings) {
    requireWritable();
    try {
      FindingRows.save(connection, scanId, findings);
    } catch (SQLException e) {
      throw new StoreException("cannot store findings in " + file + ": " + message(e), e);
    }
  }

  /** Records one scan's metadata in {@code scans}. */
  public void recordScan(ScanRecord scan) {
    requireWritable();
    try {
      ScanRecords.save(connection, scan);
    } catch (SQLException e) {
      throw new StoreException("cannot record the scan in " + file + ": " + message(e), e);
    }
  }

  /** Pivot queries over the stored events. */
  public Pivots pivots() {
    return new Pivots(connection);
  }

  /** The findings stored by earlier scans. */
  public StoredFindings findings() {
    return new StoredFindings(connection);
  }

  /** Investigation pivots over the stored events (see {@link StoreEventLookup}). */
  public StoreEventLookup lookup(BiFunction<byte[], Set<String>, List<Event>> reader) {
    return new StoreEventLookup(this, reader);
  }

  /** Retention and Parquet export of old days. */
  public Retention retention() {
    requireWritable();
    return new Retention(connection);
  }

  /** Runs one SQL query (on a read-only store: any write is refused) and reads its rows. */
  public QueryResult query(String sql, int maxRows) {
    try (Statement s = connection.createStatement()) {
      if (!s.execute(sql)) {
        return new QueryResult(List.of(), List.of(), false);
      }
      try (ResultSet r = s.getResultSet()) {
        return QueryResult.read(r, maxRows);
      }
    } catch (SQLException e) {
      throw new StoreException(message(e), e);
    }
  }

  /** Number of stored events. */
  public long eventCount() {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM events")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new StoreException(message(e), e);
    }
  }

  /** Writes everything to the database file (DuckDB also does so on close). */
  public void checkpoint() {
    requireWritable();
    try (Statement s = connection.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new StoreException(message(e), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + file + ": " + message(e), e);
    }
  }

  Connection connection() {
    return connection;
  }

  private void requireWritable() {
    if (readOnly) {
      throw new StoreException(file + " is open read-only");
    }
  }

  /** DuckDB's message without the JDBC wrapping, one line. */
  static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.strip();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing; the first error is the one to report
    }
  }
}
