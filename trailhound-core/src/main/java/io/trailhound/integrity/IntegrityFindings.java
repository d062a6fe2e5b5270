package io.trailhound.integrity;

import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** Turns integrity problems into findings: one per kind, account, region and trail. */
final class IntegrityFindings {

  private IntegrityFindings() {}

  static List<Finding> of(List<Problem> problems) {
    Map<String, List<Problem>> groups = new TreeMap<>();
    for (Problem p : problems) {
      groups.computeIfAbsent(dedupKey(p), k -> new ArrayList<>()).add(p);
    }
    List<Finding> out = new ArrayList<>();
    groups.forEach((key, list) -> out.add(finding(key, list)));
    out.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::id));
    return List.copyOf(out);
  }

  private static String dedupKey(Problem p) {
    return String.join(
        "|",
        p.kind().rule().ruleId(),
        Objects.toString(p.account(), ""),
        Objects.toString(p.region(), ""),
        Objects.toString(p.trail(), ""));
  }

  private static Finding finding(String key, List<Problem> list) {
    Problem first = list.get(0);
    Instant from = null;
    Instant to = null;
    for (Problem p : list) {
      from = min(from, p.from());
      to = max(to, p.to() == null ? p.from() : p.to());
    }
    List<String> paths = list.stream().map(Problem::path).distinct().sorted().toList();
    List<String> evidence = paths.subList(0, Math.min(paths.size(), FindingCollector.MAX_EVIDENCE));
    return new Finding(
        UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
        key,
        first.kind().rule(),
        first.account(),
        first.region(),
        first.trail() == null ? "unknown" : first.trail(),
        first.trail() == null ? null : "Trail",
        List.of(),
        List.of(),
        List.of(),
        from,
        to,
        paths.size(),
        evidence,
        List.of(),
        "");
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
