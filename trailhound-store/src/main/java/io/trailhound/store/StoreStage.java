package io.trailhound.store;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.scan.ScanStage;
import java.util.List;
import java.util.Set;

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

  /** The request fields investigation records derive resource ARNs from (see {@link EventRow}). */
  @Override
  public Set<String> requiredPaths() {
    return Set.copyOf(InMemoryEventIndex.requiredPaths());
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
