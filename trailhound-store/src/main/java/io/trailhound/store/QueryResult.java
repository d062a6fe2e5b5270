package io.trailhound.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a hunting query. Cells are {@code null}, {@link Boolean}, {@link Long}, {@link
 * Double}, {@link BigDecimal} or {@link String}: timestamps (stored in UTC) as ISO-8601 instants
 * such as {@code 2026-11-19T06:00:17Z}, every other type (dates, lists, structs, JSON) in DuckDB's
 * text form.
 *
 * @param columns column labels
 * @param rows rows, each as long as {@code columns}
 * @param truncated true when the query returned more rows than were read
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static QueryResult read(ResultSet r, int maxRows) throws SQLException {
    ResultSetMetaData meta = r.getMetaData();
    int n = meta.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    for (int c = 1; c <= n; c++) {
      columns.add(meta.getColumnLabel(c));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (r.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      Object[] row = new Object[n];
      for (int c = 1; c <= n; c++) {
        row[c - 1] = cell(r, c);
      }
      rows.add(Collections.unmodifiableList(Arrays.asList(row)));
    }
    return new QueryResult(columns, rows, truncated);
  }

  private static Object cell(ResultSet r, int c) throws SQLException {
    Object o = r.getObject(c);
    if (o == null) {
      return null;
    }
    if (o instanceof Boolean || o instanceof String || o instanceof BigDecimal) {
      return o;
    }
    if (o instanceof Byte || o instanceof Short || o instanceof Integer || o instanceof Long) {
      return ((Number) o).longValue();
    }
    if (o instanceof Float || o instanceof Double) {
      return ((Number) o).doubleValue();
    }
    if (o instanceof java.sql.Timestamp || o instanceof java.time.LocalDateTime) {
      return Sql.instant(o).toString();
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant().toString();
    }
    return r.getString(c);
  }
}
