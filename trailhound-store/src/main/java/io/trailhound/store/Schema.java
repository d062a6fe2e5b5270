package io.trailhound.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The store's tables, in one place, and the version check run on every open. Column names are a
 * contract for hunting queries (documented in the README): columns are added, never renamed; a
 * change bumps {@link #VERSION} and adds a step to {@link #MIGRATIONS}.
 */
final class Schema {

  /** Version written by this build. */
  static final int VERSION = 3;

  /** Columns of {@code events}, in table order (the appender writes them in this order). */
  static final List<String> EVENT_COLUMNS =
      List.of(
          "event_id",
          "event_time",
          "day",
          "source",
          "account",
          "region",
          "event_source",
          "event_name",
          "event_type",
          "event_category",
          "read_only",
          "error_code",
          "actor_type",
          "actor_arn",
          "principal_id",
          "user_name",
          "access_key_id",
          "session_issuer_arn",
          "session_name",
          "source_identity",
          "mfa",
          "invoked_by",
          "source_ip",
          "user_agent",
          "resources",
          "origin",
          "scan_id",
          "raw",
          "issued_key_id",
          "record");

  private static final String EVENTS_COLUMNS =
      """
      (event_id VARCHAR NOT NULL, event_time TIMESTAMP NOT NULL, day DATE NOT NULL,
       source VARCHAR NOT NULL, account VARCHAR, region VARCHAR, event_source VARCHAR,
       event_name VARCHAR, event_type VARCHAR, event_category VARCHAR, read_only BOOLEAN,
       error_code VARCHAR, actor_type VARCHAR, actor_arn VARCHAR, principal_id VARCHAR,
       user_name VARCHAR, access_key_id VARCHAR, session_issuer_arn VARCHAR, session_name VARCHAR,
       source_identity VARCHAR, mfa BOOLEAN, invoked_by VARCHAR, source_ip VARCHAR,
       user_agent VARCHAR, resources JSON, origin VARCHAR, scan_id VARCHAR, raw JSON NOT NULL,
       issued_key_id VARCHAR, record VARCHAR)
      """;

  private static final String CALLERS_COLUMNS =
      "(caller_key VARCHAR NOT NULL, caller VARCHAR NOT NULL)";

  private static final String RESOURCES_COLUMNS =
      """
      (event_id VARCHAR NOT NULL, event_time TIMESTAMP NOT NULL, day DATE NOT NULL,
       arn VARCHAR NOT NULL, type VARCHAR, account VARCHAR)
      """;

  /**
   * ART indexes on the pivot columns: an equality filter matching a few thousand rows or fewer (an
   * attacker's key or address, the call that issued a key) reads only those rows instead of
   * scanning the column (DuckDB's zone maps keep only an 8-byte prefix of strings, and every ARN
   * starts with {@code arn:aws:}). Busier values still scan, with the day filter. Built in bulk
   * after a store's first load (cheaper than maintaining them row by row), maintained after.
   */
  static final List<String> INDEXES =
      List.of(
          "CREATE INDEX IF NOT EXISTS events_access_key ON events (access_key_id)",
          "CREATE INDEX IF NOT EXISTS events_actor ON events (actor_arn)",
          "CREATE INDEX IF NOT EXISTS events_source_ip ON events (source_ip)",
          "CREATE INDEX IF NOT EXISTS events_issued_key ON events (issued_key_id)",
          "CREATE INDEX IF NOT EXISTS event_resources_arn ON event_resources (arn)",
          "CREATE INDEX IF NOT EXISTS callers_key ON callers (caller_key)");

  private static final List<String> CREATE =
      List.of(
          "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL,"
              + " trailhound VARCHAR)",
          "CREATE TABLE events " + EVENTS_COLUMNS,
          "CREATE TABLE event_resources " + RESOURCES_COLUMNS,
          "CREATE TABLE callers " + CALLERS_COLUMNS,
          """
          CREATE TABLE findings (
            finding_id VARCHAR NOT NULL, scan_id VARCHAR, dedup_key VARCHAR,
            rule_id VARCHAR NOT NULL, rule_name VARCHAR, title VARCHAR, description VARCHAR,
            severity VARCHAR NOT NULL, types VARCHAR[], techniques VARCHAR[], tactics VARCHAR[],
            rule_origin VARCHAR, account VARCHAR, region VARCHAR, actor VARCHAR, actor_type VARCHAR,
            access_key_ids VARCHAR[], source_ips VARCHAR[], resources JSON,
            first_seen TIMESTAMP, last_seen TIMESTAMP, event_count BIGINT,
            evidence VARCHAR[], evidence_truncated BOOLEAN, explanation VARCHAR)
          """,
          """
          CREATE TABLE scans (
            scan_id VARCHAR NOT NULL, started_at TIMESTAMP, finished_at TIMESTAMP,
            trailhound VARCHAR, inputs VARCHAR[], events_read BIGINT, events_stored BIGINT,
            events_already_stored BIGINT, findings BIGINT)
          """);

  /**
   * Steps from version {@code i + 1} to {@code i + 2}. A store of an older version is upgraded in
   * place on a read-write open (one transaction); a read-only open refuses it.
   *
   * <p>1 → 2: {@code issued_key_id}, the key an STS call issued or {@code CreateAccessKey} created,
   * so actor resolution finds the issuing call with a column filter instead of searching raw JSON.
   * Filled from the raw JSON of the STS and IAM events already stored (the only services whose
   * responses carry those fields). {@code record}, what investigation needs of an event (see {@link
   * RecordCodec}), stays null for events stored before: lookups read their raw JSON instead. The
   * pivot indexes are built by the next load.
   *
   * <p>2 → 3: {@code callers}, each caller part (source type to user agent) of the records stored
   * once by its key (see {@link RecordCodec#split}); records written from then on name the key
   * instead of repeating the part. Records written before keep the full layout and stay readable.
   */
  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "ALTER TABLE events ADD COLUMN issued_key_id VARCHAR",
              "ALTER TABLE events ADD COLUMN record VARCHAR",
              "UPDATE events SET issued_key_id = coalesce("
                  + "raw->>'$.responseElements.credentials.accessKeyId',"
                  + " raw->>'$.responseElements.accessKey.accessKeyId')"
                  + " WHERE event_source IN ('sts.amazonaws.com', 'iam.amazonaws.com')"),
          List.of("CREATE TABLE callers " + CALLERS_COLUMNS));

  private Schema() {}

  /** Creates the pivot indexes that do not exist yet. */
  static void createIndexes(Statement s) throws SQLException {
    for (String ddl : INDEXES) {
      s.execute(ddl);
    }
  }

  /** Staging tables the writer appends to before moving rows into the store (per connection). */
  static void createStaging(Statement s) throws SQLException {
    s.execute("CREATE TEMP TABLE staging_events " + EVENTS_COLUMNS);
    s.execute("CREATE TEMP TABLE staging_resources " + RESOURCES_COLUMNS);
    s.execute("CREATE TEMP TABLE staging_callers " + CALLERS_COLUMNS);
  }

  /**
   * Creates the tables in an empty database, or checks that an existing one is a Trailhound store
   * of a version this build reads, upgrading it when allowed.
   */
  static void ensure(Connection c, boolean readOnly, String version, Instant now, String where)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      int tables = count(s, "SELECT count(*) FROM duckdb_tables() WHERE NOT temporary");
      boolean versioned =
          count(
                  s,
                  "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'"
                      + " AND NOT temporary")
              > 0;
      if (tables == 0) {
        if (readOnly) {
          throw new StoreException(where + " is an empty database, not a Trailhound store");
        }
        c.setAutoCommit(false);
        for (String ddl : CREATE) {
          s.execute(ddl);
        }
        insertVersion(c, VERSION, version, now);
        c.commit();
        c.setAutoCommit(true);
        return;
      }
      if (!versioned) {
        throw new StoreException(
            where + " is a DuckDB database but not a Trailhound store (no schema_version table)");
      }
      int found = count(s, "SELECT coalesce(max(version), 0) FROM schema_version");
      if (found > VERSION) {
        throw new StoreException(
            where
                + " has store schema version "
                + found
                + "; this Trailhound reads up to version "
                + VERSION
                + ": upgrade Trailhound");
      }
      if (found < VERSION) {
        if (readOnly) {
          throw new StoreException(
              where
                  + " has store schema version "
                  + found
                  + " (current "
                  + VERSION
                  + "): open it once read-write, e.g. with scan --store, to upgrade it");
        }
        c.setAutoCommit(false);
        for (int v = found; v < VERSION; v++) {
          for (String step : MIGRATIONS.get(v - 1)) {
            s.execute(step);
          }
          insertVersion(c, v + 1, version, now);
        }
        c.commit();
        c.setAutoCommit(true);
      }
    }
  }

  private static void insertVersion(Connection c, int v, String version, Instant now)
      throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
      ps.setInt(1, v);
      ps.setObject(2, Sql.timestamp(now));
      ps.setString(3, version);
      ps.executeUpdate();
    }
  }

  private static int count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
