package io.trailhound.detect.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The match records of one (correlation, group), bounded: when full, the earliest records (in
 * {@link MatchRecord#ORDER}) are kept, which is the same set whatever the arrival order. Not
 * thread-safe: each reader thread fills buffers of its own, {@linkplain #merged merged} at the end.
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

  void add(MatchRecord record) {
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
  List<MatchRecord> sorted() {
    trim();
    return List.copyOf(records);
  }

  /**
   * The records of several buffers of one group (one per thread) as one buffer would hold them:
   * sorted, deduplicated and trimmed to {@code cap}. A record one part dropped had {@code cap}
   * earlier ones in that part, so the merged buffer would drop it too. The parts are not changed
   * beyond their own trim.
   */
  static List<MatchRecord> merged(List<GroupBuffer> parts, int cap) {
    if (parts.size() == 1) {
      return parts.get(0).sorted();
    }
    GroupBuffer all = new GroupBuffer(cap);
    for (GroupBuffer part : parts) {
      for (MatchRecord r : part.sorted()) {
        all.add(r);
      }
    }
    return all.sorted();
  }

  long truncated() {
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
