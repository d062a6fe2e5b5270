package io.trailhound.store;

/**
 * How the store loads events.
 *
 * @param queueBytes most bytes of events waiting for the writer thread (readers wait beyond it)
 * @param batchRows events staged before a batch is moved into the store
 * @param sortBatches sort each batch by (day, actor) before storing it (faster pivots)
 * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB}
 * @param threads DuckDB worker threads
 */
public record StoreOptions(
    long queueBytes, int batchRows, boolean sortBatches, String memoryLimit, int threads) {

  public StoreOptions {
    if (queueBytes < 1024 || batchRows < 1 || threads < 1) {
      throw new IllegalArgumentException("queueBytes >= 1024, batchRows >= 1, threads >= 1");
    }
    if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B")) {
      throw new IllegalArgumentException("memory limit like 2GB: " + memoryLimit);
    }
  }

  /** 64 MiB queue, 100,000-event sorted batches, 2 GB for DuckDB, one thread per core. */
  public static StoreOptions defaults() {
    return new StoreOptions(
        64L << 20, 100_000, true, "2GB", Runtime.getRuntime().availableProcessors());
  }

  public StoreOptions withBatchRows(int rows) {
    return new StoreOptions(queueBytes, rows, sortBatches, memoryLimit, threads);
  }

  public StoreOptions withSortBatches(boolean sort) {
    return new StoreOptions(queueBytes, batchRows, sort, memoryLimit, threads);
  }
}
