package io.trailhound.investigate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a footprint into steps mapped to ATT&amp;CK, and sums up what it touched. */
final class TimelineBuilder {

  private TimelineBuilder() {}

  /**
   * @param ruleTactics for events that a finding's rule matched: the rule names and its tactic and
   *     technique (rule tags win over the API table)
   */
  static Timeline build(List<EventRecord> events, Map<String, RuleTag> ruleTactics) {
    List<Step> steps = new ArrayList<>(events.size());
    Map<String, List<String>> byTactic = new LinkedHashMap<>();
    // hashed while collecting, sorted once at the end (a busy actor names a resource per event)
    Set<String> read = new HashSet<>();
    Set<String> changed = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    Set<String> regions = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    Set<String> ips = new HashSet<>();
    long bytes = 0;
    int failed = 0;
    // a busy actor's hundreds of thousands of events use a few dozen APIs: map each (API,
    // read-only)
    // once
    List<Map<String, TacticMap.Mapping>> mappings =
        List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (EventRecord e : events) {
      Boolean ro = e.readOnly();
      TacticMap.Mapping m =
          mappings
              .get(ro == null ? 0 : ro ? 1 : 2)
              .computeIfAbsent(e.api(), api -> TacticMap.of(api, ro));
      RuleTag tag = ruleTactics.get(e.id());
      String tactic = m.tactic();
      String technique = m.technique();
      List<String> rules = List.of();
      if (tag != null) {
        rules = tag.rules();
        if (tag.tactic() != null && (tactic.equals("other") || tactic.equals("discovery"))) {
          tactic = tag.tactic();
        }
        if (tag.technique() != null && technique.isEmpty()) {
          technique = tag.technique();
        }
      }
      steps.add(
          new Step(
              e.time(),
              e.id(),
              e.account(),
              e.region(),
              e.service(),
              e.api(),
              e.principalArn(),
              e.accessKeyId(),
              e.ip(),
              e.userAgent(),
              e.errorCode(),
              tactic,
              technique,
              e.resources(),
              e.bytesOut(),
              rules));
      byTactic.computeIfAbsent(tactic, k -> new ArrayList<>()).add(e.id());
      if (e.failed()) {
        failed++;
      } else if (!e.resources().isEmpty()) {
        Set<String> into =
            switch (kind(e)) {
              case READ -> read;
              case DELETE -> deleted;
              case CHANGE -> changed;
            };
        for (String r : e.resources()) {
          if (!r.startsWith("access-key:")) {
            into.add(r);
          }
        }
      }
      if (e.region() != null) {
        regions.add(e.region());
      }
      if (e.account() != null) {
        accounts.add(e.account());
      }
      if (Footprint.isAddress(e.ip())) {
        ips.add(e.ip());
      }
      bytes += e.bytesOut();
    }
    Step zero = steps.isEmpty() ? null : steps.get(0);
    Map<String, Step> entries = new LinkedHashMap<>();
    for (Step s : steps) {
      if (Footprint.isAddress(s.ip())) {
        entries.putIfAbsent(s.ip(), s);
      }
    }
    Duration dwell =
        steps.isEmpty()
            ? Duration.ZERO
            : Duration.between(zero.time(), steps.get(steps.size() - 1).time());
    return new Timeline(
        zero,
        List.copyOf(entries.values()),
        dwell,
        steps,
        byTactic,
        sorted(read),
        sorted(changed),
        sorted(deleted),
        sorted(regions),
        sorted(accounts),
        sorted(ips),
        bytes,
        failed);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private enum Kind {
    READ,
    CHANGE,
    DELETE
  }

  private static Kind kind(EventRecord e) {
    String api = e.api() == null ? "" : e.api();
    if (api.startsWith("Delete") || api.startsWith("Terminate") || api.startsWith("Remove")) {
      return Kind.DELETE;
    }
    if (Boolean.TRUE.equals(e.readOnly())
        || api.startsWith("Get")
        || api.startsWith("List")
        || api.startsWith("Describe")
        || api.startsWith("Head")) {
      return Kind.READ;
    }
    return Kind.CHANGE;
  }

  /** What a finding's rule says about an event it matched. */
  record RuleTag(List<String> rules, String tactic, String technique) {}
}
