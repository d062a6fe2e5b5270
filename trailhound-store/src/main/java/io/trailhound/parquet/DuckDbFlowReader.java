package io.trailhound.parquet;

import io.trailhound.source.vpcflow.ColumnarFlowReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads Parquet-delivered VPC flow logs with an in-memory DuckDB per file. Results are streamed
 * (not materialised) and DuckDB gets one thread and a memory cap, so a large file costs a batch at
 * a time, and the network readers' own threads give the parallelism across files. Hive-style
 * partition folders ({@code year=2024/...}) are not turned into columns: every field a detector
 * needs is inside the file.
 */
public final class DuckDbFlowReader implements ColumnarFlowReader {

  private final String memoryLimit;

  /** A reader giving each file's DuckDB at most 256 MB. */
  public DuckDbFlowReader() {
    this("256MB");
  }

  /**
   * @param memoryLimit DuckDB's memory limit per open file, e.g. {@code 256MB}
   */
  public DuckDbFlowReader(String memoryLimit) {
    if (!memoryLimit.matches("[0-9]+ ?[KMGT]?i?B")) {
      throw new IllegalArgumentException("not a memory size: " + memoryLimit);
    }
    this.memoryLimit = memoryLimit;
  }

  @Override
  public void read(Path file, Rows rows) throws IOException {
    Properties p = new Properties();
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("jdbc_stream_results", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:", p)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET threads = 1");
        s.execute("SET memory_limit = '" + memoryLimit + "'");
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT * FROM read_parquet(?, hive_partitioning = false)")) {
        q.setString(1, file.toString());
        q.setFetchSize(2048);
        try (ResultSet rs = q.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          int n = meta.getColumnCount();
          List<String> names = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnName(i));
          }
          rows.columns(names);
          String[] values = new String[n];
          long rowNo = 0;
          while (rs.next()) {
            rowNo++;
            for (int i = 0; i < n; i++) {
              values[i] = rs.getString(i + 1);
            }
            rows.row(values, rowNo);
          }
        }
      }
    } catch (SQLException e) {
      throw new IOException(firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
