package io.trailhound.scan;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.investigate.InMemoryEventIndex;
import java.util.List;
import java.util.Set;

/**
 * Keeps a compact record of every scanned event in an {@link InMemoryEventIndex}, so findings can
 * be investigated after the scan. Raises no findings itself.
 */
public final class IndexingStage implements ScanStage {

  private final InMemoryEventIndex index;

  public IndexingStage(InMemoryEventIndex index) {
    this.index = index;
  }

  @Override
  public Set<String> requiredPaths() {
    return Set.copyOf(InMemoryEventIndex.requiredPaths());
  }

  @Override
  public void accept(Event event) {
    index.accept(event);
  }

  @Override
  public List<Finding> finish() {
    index.seal();
    return List.of();
  }
}
