package io.trailhound.finding;

import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** The matches gathered for one finding; every bound kept deterministic whatever the order. */
final class FindingGroup {

  private static final Comparator<EventView> EARLIEST_FIRST =
      Comparator.comparing(EventView::time).thenComparing(EventView::eventId);
  private static final int MAX_KEYS = 5;
  private static final int MAX_IPS = 10;
  private static final int MAX_RESOURCES = 25;

  private final String key;
  private final RuleInfo rule;
  private final String account;
  private final String region;
  private final String actor;
  private final String actorType;
  private final TreeSet<EventView> earliest = new TreeSet<>(EARLIEST_FIRST);
  private final TreeSet<String> keys = new TreeSet<>();
  private final TreeSet<String> ips = new TreeSet<>();
  private final TreeSet<Resource> resources =
      new TreeSet<>(
          Comparator.comparing(Resource::arn, Comparator.nullsFirst(Comparator.naturalOrder())));
  private Instant first;
  private Instant last;
  private long count;

  FindingGroup(String key, RuleInfo rule, EventView view) {
    this.key = key;
    this.rule = rule;
    this.account = view.account();
    this.region = view.region();
    this.actor = view.actor().display();
    this.actorType = view.actor().type();
  }

  synchronized void add(EventView view) {
    count++;
    first = first == null || view.time().isBefore(first) ? view.time() : first;
    last = last == null || view.time().isAfter(last) ? view.time() : last;
    // Full and later than everything kept: the common case on long runs, decided in one compare.
    if (earliest.size() < FindingCollector.MAX_EVIDENCE
        || EARLIEST_FIRST.compare(view, earliest.last()) < 0) {
      earliest.add(view);
      if (earliest.size() > FindingCollector.MAX_EVIDENCE) {
        earliest.pollLast();
      }
    }
    boundedAdd(keys, view.actor().accessKeyId(), MAX_KEYS);
    boundedAdd(ips, view.source().ip(), MAX_IPS);
    for (Resource r : view.resources()) {
      if (r.arn() != null
          && (resources.size() < MAX_RESOURCES || r.arn().compareTo(resources.last().arn()) < 0)) {
        resources.add(r);
        if (resources.size() > MAX_RESOURCES) {
          resources.pollLast();
        }
      }
    }
  }

  private static void boundedAdd(TreeSet<String> set, String value, int max) {
    if (value != null && (set.size() < max || value.compareTo(set.last()) < 0)) {
      set.add(value);
      if (set.size() > max) {
        set.pollLast();
      }
    }
  }

  synchronized Finding toFinding() {
    List<String> evidence = new ArrayList<>(earliest.size());
    List<EventView> samples = new ArrayList<>(FindingCollector.MAX_SAMPLES);
    for (EventView v : earliest) {
      evidence.add(v.eventId());
      if (samples.size() < FindingCollector.MAX_SAMPLES) {
        samples.add(v);
      }
    }
    return new Finding(
        stableId(key),
        key,
        rule,
        account,
        region,
        actor,
        actorType,
        List.copyOf(keys),
        List.copyOf(ips),
        List.copyOf(resources),
        first,
        last,
        count,
        evidence,
        samples);
  }

  /** A UUID-shaped id derived from the dedup key, so the same input always gives the same id. */
  static String stableId(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(h, 0, 16);
      return hex.substring(0, 8)
          + "-"
          + hex.substring(8, 12)
          + "-"
          + hex.substring(12, 16)
          + "-"
          + hex.substring(16, 20)
          + "-"
          + hex.substring(20, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
