package io.trailhound.scan.intel;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import io.trailhound.finding.RuleInfo;
import io.trailhound.intel.IntelHit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls gathered for one intel finding: evidence through a {@link FindingCollector} (earliest
 * events, keys, resources, kept the same whatever the order), and the count per API and of failed
 * calls for the explanation.
 */
final class IntelGroup {

  private final RuleInfo info;
  private final List<IntelHit> hits;
  private final FindingCollector collector = new FindingCollector();
  private final Map<String, Long> apis = new TreeMap<>();
  private long failed;

  IntelGroup(RuleInfo info, List<IntelHit> hits) {
    this.info = info;
    this.hits = hits.stream().sorted(Comparator.comparing(IntelHit::list)).toList();
  }

  void add(Event event) {
    collector.add(info, event);
    synchronized (this) {
      String api = event.view().api();
      apis.merge(api == null ? "?" : api, 1L, Long::sum);
      if (event.view().outcome() != null && !event.view().outcome().success()) {
        failed++;
      }
    }
  }

  List<IntelHit> hits() {
    return hits;
  }

  Finding finding() {
    return collector.findings().get(0);
  }

  /** Calls per API, most frequent first (ties by name). */
  synchronized List<Map.Entry<String, Long>> apis() {
    return apis.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .toList();
  }

  synchronized long failed() {
    return failed;
  }
}
