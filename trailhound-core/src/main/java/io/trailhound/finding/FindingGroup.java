package io.trailhound.finding;

import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.time.Instant;
import java.util.List;

/**
 * The matches gathered for one finding by one thread; every bound kept deterministic whatever the
 * order, and groups of one key from several threads merge into the group of all their matches. Not
 * thread-safe: {@link FindingCollector} gives each thread its own.
 */
final class FindingGroup {

  private static final int MAX_KEYS = 5;
  private static final int MAX_IPS = 10;
  private static final int MAX_RESOURCES = 25;

  private final String key;
  private final RuleInfo rule;
  private final String account;
  private final String region;
  private final String actor;
  private final String actorType;
  private final EarliestViews earliest;
  private final Smallest<String> keys;
  private final Smallest<String> ips;
  private final Smallest<Resource> resources;
  // Times as numbers, and the latest evidence time once the evidence is full: most matches of a
  // busy finding only count, and deciding that from fields of this object spares reading the
  // evidence arrays, which with thousands of findings are rarely in cache.
  private long firstSeconds = Long.MAX_VALUE;
  private int firstNanos;
  private long lastSeconds = Long.MIN_VALUE;
  private int lastNanos;
  private long boundSeconds = Long.MAX_VALUE;
  private int boundNanos;
  private long count;

  FindingGroup(String key, RuleInfo rule, EventView view) {
    this.key = key;
    this.rule = rule;
    this.account = view.account();
    this.region = view.region();
    this.actor = view.actor().display();
    this.actorType = view.actor().type();
    this.earliest = new EarliestViews(FindingCollector.MAX_EVIDENCE, FindingCollector.MAX_SAMPLES);
    this.keys = Smallest.ofStrings(MAX_KEYS);
    this.ips = Smallest.ofStrings(MAX_IPS);
    this.resources = new Smallest<>(MAX_RESOURCES, Resource::arn);
  }

  /** A new group holding the matches of {@code a} and then those of {@code b}; both unchanged. */
  static FindingGroup merged(FindingGroup a, FindingGroup b) {
    FindingGroup m = new FindingGroup(a);
    m.count += b.count;
    m.seen(b.firstSeconds, b.firstNanos);
    m.seen(b.lastSeconds, b.lastNanos);
    m.earliest.offerAll(b.earliest);
    m.keys.offerAll(b.keys);
    m.ips.offerAll(b.ips);
    m.resources.offerAll(b.resources);
    return m;
  }

  private FindingGroup(FindingGroup a) {
    this.key = a.key;
    this.rule = a.rule;
    this.account = a.account;
    this.region = a.region;
    this.actor = a.actor;
    this.actorType = a.actorType;
    this.earliest = a.earliest.copy();
    this.keys = a.keys.copy();
    this.ips = a.ips.copy();
    this.resources = a.resources.copy();
    this.firstSeconds = a.firstSeconds;
    this.firstNanos = a.firstNanos;
    this.lastSeconds = a.lastSeconds;
    this.lastNanos = a.lastNanos;
    this.boundSeconds = a.boundSeconds;
    this.boundNanos = a.boundNanos;
    this.count = a.count;
  }

  void add(EventView view) {
    count++;
    Instant t = view.time();
    long s = t.getEpochSecond();
    int n = t.getNano();
    seen(s, n);
    // A time after the latest kept one, once full, is not kept: what EarliestViews would decide.
    if (s < boundSeconds || (s == boundSeconds && n <= boundNanos)) {
      earliest.offer(view);
      if (earliest.full()) {
        boundSeconds = earliest.lastSeconds();
        boundNanos = earliest.lastNanos();
      }
    }
    keys.offer(view.actor().accessKeyId());
    ips.offer(view.source().ip());
    for (Resource r : view.resources()) {
      if (r.arn() != null) {
        resources.offer(r);
      }
    }
  }

  private void seen(long s, int n) {
    if (s < firstSeconds || (s == firstSeconds && n < firstNanos)) {
      firstSeconds = s;
      firstNanos = n;
    }
    if (s > lastSeconds || (s == lastSeconds && n > lastNanos)) {
      lastSeconds = s;
      lastNanos = n;
    }
  }

  Finding toFinding() {
    List<String> evidence = earliest.ids();
    List<EventView> samples = earliest.samples();
    return new Finding(
        FindingIds.stable(key),
        key,
        rule,
        account,
        region,
        actor,
        actorType,
        keys.values(),
        ips.values(),
        resources.values(),
        Instant.ofEpochSecond(firstSeconds, firstNanos),
        Instant.ofEpochSecond(lastSeconds, lastNanos),
        count,
        evidence,
        samples,
        "");
  }
}
