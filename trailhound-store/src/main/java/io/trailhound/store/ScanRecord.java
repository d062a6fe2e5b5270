package io.trailhound.store;

import java.time.Instant;
import java.util.List;

/**
 * One scan that loaded the store, as kept in {@code scans}.
 *
 * @param scanId id tagging the scan's events and findings
 * @param startedAt when the scan started (processing time)
 * @param finishedAt when it finished
 * @param trailhound version of Trailhound that ran it
 * @param inputs the paths scanned, as given
 * @param eventsRead events the scan read
 * @param eventsStored events newly stored
 * @param eventsAlreadyStored events whose id the store already held
 * @param findings findings the scan raised
 */
public record ScanRecord(
    String scanId,
    Instant startedAt,
    Instant finishedAt,
    String trailhound,
    List<String> inputs,
    long eventsRead,
    long eventsStored,
    long eventsAlreadyStored,
    long findings) {

  public ScanRecord {
    inputs = List.copyOf(inputs);
  }
}
