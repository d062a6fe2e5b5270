package io.trailhound.finding;

import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A detection result: one rule matching one actor's events in one account and region during one UTC
 * day. OCSF Detection Finding at heart.
 *
 * @param id stable id: the same input always yields the same id
 * @param dedupKey what makes two matches the same finding (rule, account, region, actor, day)
 * @param rule the detection that raised it
 * @param account AWS account the events were recorded in
 * @param region AWS region
 * @param actor display name of the actor (principal ARN, invoking service, key)
 * @param actorType identity type ({@code IAMUser}, {@code Root}, ...)
 * @param accessKeyIds access keys the actor used in the evidence (at most a few)
 * @param sourceIps caller addresses seen in the evidence (at most a few)
 * @param resources resources named by the evidence (at most a few dozen)
 * @param firstSeen event time of the earliest evidence
 * @param lastSeen event time of the latest evidence
 * @param eventCount how many events matched (may exceed {@code evidence.size()})
 * @param evidence ids of the evidence events, earliest first, capped
 * @param samples normalised views of the earliest evidence events (a handful)
 * @param explanation why this fired, in words and numbers taken from the evidence ("key AKIA… used
 *     from AS1234 (NL); seen before only from AS16509 (US) over 41 days"); empty when the rule's
 *     description says it all
 */
public record Finding(
    String id,
    String dedupKey,
    RuleInfo rule,
    String account,
    String region,
    String actor,
    String actorType,
    List<String> accessKeyIds,
    List<String> sourceIps,
    List<Resource> resources,
    Instant firstSeen,
    Instant lastSeen,
    long eventCount,
    List<String> evidence,
    List<EventView> samples,
    String explanation) {

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    accessKeyIds = List.copyOf(accessKeyIds);
    sourceIps = List.copyOf(sourceIps);
    resources = List.copyOf(resources);
    evidence = List.copyOf(evidence);
    samples = List.copyOf(samples);
    explanation = explanation == null ? "" : explanation;
  }

  /** This finding with another explanation. */
  public Finding withExplanation(String text) {
    return new Finding(
        id,
        dedupKey,
        rule,
        account,
        region,
        actor,
        actorType,
        accessKeyIds,
        sourceIps,
        resources,
        firstSeen,
        lastSeen,
        eventCount,
        evidence,
        samples,
        text);
  }

  public Severity severity() {
    return rule.severity();
  }

  public String title() {
    return rule.title();
  }

  /** True when more events matched than the evidence list holds. */
  public boolean evidenceTruncated() {
    return eventCount > evidence.size();
  }
}
