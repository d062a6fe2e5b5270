package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.scan.ScanStage;
import java.util.List;

/**
 * The scan stage that keeps every event in the store. Reader threads convert and queue events; the
 * writer thread stores them; {@link #finish} waits for the last batch. It raises no findings: the
 * caller stores the scan's findings once the scan is done.
 */
public final class StoreStage implements ScanStage {

  private final EventWriter writer;
  private volatile WriteStats stats;

  /** A stage feeding {@code writer}; the stage finishes the writer. */
  public StoreStage(EventWriter writer) {
    this.writer = writer;
  }

  @Override
  public void accept(Event event) {
    writer.offer(event);
  }

  /**
   * Waits until every event is stored.
   *
   * @throws StoreException when writing failed
   */
  @Override
  public List<Finding> finish() {
    stats = writer.finish();
    return List.of();
  }

  /** What was stored; null before {@link #finish}. */
  public WriteStats stats() {
    return stats;
  }
}
