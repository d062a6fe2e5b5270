package io.trailhound.source.text;

import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe skip counts with the first few examples of each reason. */
public final class SkipLog {

  private final Map<SkipReason, LongAdder> counts = new EnumMap<>(SkipReason.class);
  private final Map<SkipReason, List<Skip>> examples = new EnumMap<>(SkipReason.class);
  private final int maxExamples;

  public SkipLog(int maxExamples) {
    this.maxExamples = maxExamples;
    for (SkipReason r : SkipReason.values()) {
      counts.put(r, new LongAdder());
      examples.put(r, new ArrayList<>());
    }
  }

  /** Counts one skip. */
  public void skip(SkipReason reason, String location, long record, String detail) {
    counts.get(reason).increment();
    List<Skip> list = examples.get(reason);
    synchronized (list) {
      if (list.size() < maxExamples) {
        list.add(new Skip(reason, location, record, detail));
      }
    }
  }

  /** Skips per reason, reasons with none left out. */
  public Map<SkipReason, Long> counts() {
    Map<SkipReason, Long> out = new EnumMap<>(SkipReason.class);
    counts.forEach(
        (r, n) -> {
          if (n.sum() > 0) {
            out.put(r, n.sum());
          }
        });
    return out;
  }

  /** The kept examples per reason. */
  public Map<SkipReason, List<Skip>> examples() {
    Map<SkipReason, List<Skip>> out = new EnumMap<>(SkipReason.class);
    examples.forEach(
        (r, list) -> {
          synchronized (list) {
            if (!list.isEmpty()) {
              out.put(r, List.copyOf(list));
            }
          }
        });
    return out;
  }

  /** All skips. */
  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
