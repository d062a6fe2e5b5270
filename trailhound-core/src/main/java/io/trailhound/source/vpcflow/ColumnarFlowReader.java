package io.trailhound.source.vpcflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a columnar flow log file (Parquet delivery, {@code FileFormat=parquet}) row by row. The
 * core has no Parquet reader of its own: the CLI plugs one in (the DuckDB one of the store module),
 * and {@link FlowLogReader} turns the rows into flow records with the same checks as text lines.
 */
public interface ColumnarFlowReader {

  /**
   * Streams the rows of {@code file} to {@code rows} in file order, holding a bounded batch at a
   * time.
   *
   * @throws IOException when the file cannot be read as Parquet (rows delivered before stay
   *     delivered)
   */
  void read(Path file, Rows rows) throws IOException;

  /** Receives the columns of a file once, then its rows. */
  interface Rows {

    /** The column names as stored (Parquet delivery writes {@code account_id}, not {@code -}). */
    void columns(List<String> names);

    /**
     * One row, a value per column: the value as text, null for a missing value. The array may be
     * reused for the next row.
     */
    void row(String[] values, long rowNo);
  }
}
