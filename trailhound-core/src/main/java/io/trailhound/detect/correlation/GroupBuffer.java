package io.trailhound.detect.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The match records of one (correlation, group), bounded: when full, the earliest records (in
 * {@link MatchRecord#ORDER}) are kept, which is the same set whatever the arrival order.
 */
final class GroupBuffer {

  private final int cap;
  private List<MatchRecord> records = new ArrayList<>();
  private long truncated;

  /** The last record kept by the latest trim that filled the cap, else null. */
  private MatchRecord bound;

  GroupBuffer(int cap) {
    this.cap = cap;
  }

  synchronized void add(MatchRecord record) {
    // Once a trim has filled the cap, a record after the last kept one can never be kept: drop it
    // now rather than sort it in and out again (a burst group of a big scan meets this on most
    // adds).
    if (bound != null && MatchRecord.ORDER.compare(record, bound) > 0) {
      truncated++;
      return;
    }
    records.add(record);
    if (records.size() >= 2 * cap) {
      trim();
    }
  }

  /** The records sorted, deduplicated and trimmed to the cap. */
  synchronized List<MatchRecord> sorted() {
    trim();
    return List.copyOf(records);
  }

  synchronized long truncated() {
    return truncated;
  }

  private void trim() {
    records.sort(MatchRecord.ORDER);
    List<MatchRecord> kept = new ArrayList<>(Math.min(records.size(), cap));
    MatchRecord previous = null;
    for (MatchRecord r : records) {
      boolean duplicate =
          previous != null
              && previous.time() == r.time()
              && previous.id().equals(r.id())
              && previous.input() == r.input();
      if (!duplicate) {
        if (kept.size() < cap) {
          kept.add(r);
        } else {
          truncated++;
        }
      }
      previous = r;
    }
    records = kept;
    bound = kept.size() == cap ? kept.get(cap - 1) : null;
  }
}
