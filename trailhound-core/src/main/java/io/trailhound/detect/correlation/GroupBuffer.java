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

  GroupBuffer(int cap) {
    this.cap = cap;
  }

  synchronized void add(MatchRecord record) {
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
  }
}
