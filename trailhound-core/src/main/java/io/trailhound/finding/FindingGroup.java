package io.trailhound.finding;

import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.time.Instant;
import java.util.List;

/** The matches gathered for one finding; every bound kept deterministic whatever the order. */
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
  private final EarliestViews earliest =
      new EarliestViews(FindingCollector.MAX_EVIDENCE, FindingCollector.MAX_SAMPLES);
  private final Smallest<String> keys = Smallest.ofStrings(MAX_KEYS);
  private final Smallest<String> ips = Smallest.ofStrings(MAX_IPS);
  private final Smallest<Resource> resources = new Smallest<>(MAX_RESOURCES, Resource::arn);
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
    earliest.offer(view);
    keys.offer(view.actor().accessKeyId());
    ips.offer(view.source().ip());
    for (Resource r : view.resources()) {
      if (r.arn() != null) {
        resources.offer(r);
      }
    }
  }

  synchronized Finding toFinding() {
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
