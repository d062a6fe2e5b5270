package io.trailhound.source.cloudtrail;

import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Thread-safe counters of one run, turned into an {@link IngestReport} at the end. */
final class ReportBuilder {

  final LongAdder files = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final LongAdder records = new LongAdder();
  final LongAdder events = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder digests = new LongAdder();
  final LongAdder externalFindings = new LongAdder();

  /** Events per source type other than CloudTrail (CloudTrail's count is the rest). */
  private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> bySource =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<SkipReason, LongAdder> skipCounts = new EnumMap<>(SkipReason.class);
  private final Map<SkipReason, List<Skip>> examples = new EnumMap<>(SkipReason.class);
  private final int maxExamples;
  private final Consumer<Skip> listener;

  ReportBuilder(int maxExamples, Consumer<Skip> listener) {
    this.maxExamples = maxExamples;
    this.listener = listener;
    for (SkipReason r : SkipReason.values()) {
      skipCounts.put(r, new LongAdder());
      examples.put(r, new ArrayList<>());
    }
  }

  /** Counts one delivered event of a source type other than CloudTrail. */
  void source(String sourceType) {
    bySource.computeIfAbsent(sourceType, s -> new LongAdder()).increment();
  }

  void skip(Skip skip) {
    listener.accept(skip);
    skipCounts.get(skip.reason()).increment();
    List<Skip> list = examples.get(skip.reason());
    synchronized (list) {
      if (list.size() < maxExamples) {
        list.add(skip);
      }
    }
  }

  void skip(SkipReason reason, String location, long record, String detail) {
    skip(new Skip(reason, location, record, detail));
  }

  IngestReport build(Duration elapsed) {
    Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    Map<SkipReason, List<Skip>> samples = new EnumMap<>(SkipReason.class);
    for (SkipReason r : SkipReason.values()) {
      long n = skipCounts.get(r).sum();
      if (n > 0) {
        counts.put(r, n);
        List<Skip> list = examples.get(r);
        synchronized (list) {
          samples.put(r, List.copyOf(list));
        }
      }
    }
    long delivered = events.sum();
    Map<String, Long> sources = new java.util.TreeMap<>();
    long others = 0;
    for (Map.Entry<String, LongAdder> e : bySource.entrySet()) {
      long n = e.getValue().sum();
      sources.put(e.getKey(), n);
      others += n;
    }
    if (delivered - others > 0) {
      sources.put(CloudTrailReader.SOURCE_TYPE, delivered - others);
    }
    return new IngestReport(
        files.sum(),
        bytes.sum(),
        records.sum(),
        delivered,
        duplicates.sum(),
        digests.sum(),
        counts,
        samples,
        elapsed,
        sources,
        externalFindings.sum());
  }
}
