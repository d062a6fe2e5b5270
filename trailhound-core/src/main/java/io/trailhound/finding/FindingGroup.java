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
    this.earliest = new EarliestViews(FindingCollector.MAX_EVIDENCE, FindingCollector.MAX_SAMPLES);
    this.keys = Smallest.ofStrings(MAX_KEYS);
    this.ips = Smallest.ofStrings(MAX_IPS);
    this.resources = new Smallest<>(MAX_RESOURCES, Resource::arn);
  }

  /** A new group holding the matches of {@code a} and then those of {@code b}; both unchanged. */
  static FindingGroup merged(FindingGroup a, FindingGroup b) {
    FindingGroup m = new FindingGroup(a);
    m.count += b.count;
    m.first = b.first.isBefore(m.first) ? b.first : m.first;
    m.last = b.last.isAfter(m.last) ? b.last : m.last;
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
    this.first = a.first;
    this.last = a.last;
    this.count = a.count;
  }

  void add(EventView view) {
    count++;
    first = first == null || view.time().isBefore(first) ? view.time() : first;
    last = last == null || view.time().isAfter(last) ? view.time() : last;
    earliest.offer(view);
    keys.offer(view.actor().accessKeyId());
    ips.offer(view.source().ip());
    for (Resource r : view.resources()) {
      if (r.arn() != null) {
        resources.offer(r);
      }
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
        first,
        last,
        count,
        evidence,
        samples,
        "");
  }
}
