package io.trailhound.store;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.duckdb.DuckDBConnection;

/**
 * Moves events into the store from any number of producer threads through one writer thread:
 * producers hand rows to a queue bounded in bytes (they wait when it is full, so memory stays
 * bounded however fast the readers are), the writer appends them with DuckDB's appender and moves
 * each batch into the store in one transaction (see {@link Batch}).
 *
 * <p>Events already in the store are not stored again. Within one writer the caller hands each
 * event id at most once (a scan's reader drops duplicate ids across the whole run).
 */
public final class EventWriter implements AutoCloseable {

  private static final EventRow END =
      new EventRow(
          "",
          null,
          "",
          null,
          null,
          null,
          "",
          java.util.List.of(),
          null,
          new RecordCodec.Split("", "", ""));

  private final LinkedBlockingQueue<EventRow> queue = new LinkedBlockingQueue<>();
  private final Semaphore budget;
  private final int maxPermits;
  private final Batch batch;
  private final int batchRows;
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LongAdder received = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closed;
  private WriteStats stats;

  EventWriter(DuckDBConnection connection, String scanId, StoreOptions options)
      throws SQLException {
    this.maxPermits = (int) Math.max(1, options.queueBytes() / 1024);
    this.budget = new Semaphore(maxPermits);
    this.batchRows = options.batchRows();
    this.batch = new Batch(connection, scanId, options.sortBatches());
    this.thread = new Thread(this::drain, "trailhound-store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  void offer(EventRow row) {
    if (closed) {
      throw new IllegalStateException("writer closed");
    }
    int permits = permits(row);
    try {
      while (!budget.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          dropped.increment();
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.increment();
      return;
    }
    if (failure.get() != null) {
      budget.release(permits);
      dropped.increment();
      return;
    }
    received.increment();
    queue.add(row);
  }

  /**
   * Queues one event for the store (converted on the calling thread); waits while the queue is
   * full. Safe from any thread. After a write failure events are counted as dropped and {@link
   * #finish} reports the failure.
   */
  public void offer(io.trailhound.event.Event event) {
    offer(EventRow.of(event));
  }

  /**
   * Writes what is queued, stops the writer thread and says what was stored.
   *
   * @throws StoreException when a write failed (events received after it were not stored)
   */
  public synchronized WriteStats finish() {
    if (stats != null) {
      return stats;
    }
    closed = true;
    queue.add(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing the store", e);
    }
    Throwable t = failure.get();
    batch.release();
    if (t != null) {
      throw new StoreException(
          "writing the store failed after "
              + batch.stored()
              + " events ("
              + dropped.sum()
              + " not stored): "
              + t.getMessage(),
          t);
    }
    stats =
        new WriteStats(
            received.sum(),
            batch.stored(),
            batch.alreadyStored(),
            batch.batches(),
            batch.days().stream().min(LocalDate::compareTo).orElse(null),
            batch.days().stream().max(LocalDate::compareTo).orElse(null));
    return stats;
  }

  /** Same as {@link #finish}. */
  @Override
  public void close() {
    finish();
  }

  private int permits(EventRow row) {
    return (int) Math.min(maxPermits, row.weight() / 1024 + 1);
  }

  private void drain() {
    try {
      while (true) {
        EventRow row = queue.take();
        if (row == END) {
          break;
        }
        if (failure.get() == null) {
          batch.append(row);
        }
        budget.release(permits(row));
        if (batch.pending() >= batchRows) {
          batch.flush();
        }
      }
      batch.flush();
      batch.index();
    } catch (Throwable t) { // NOPMD: any failure must reach close(), and unblock the producers
      failure.compareAndSet(null, t);
      for (EventRow row = queue.poll(); row != null; row = queue.poll()) {
        if (row != END) {
          budget.release(permits(row));
        }
      }
    }
  }
}
