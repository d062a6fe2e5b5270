package io.trailhound.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.RuleException;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.scan.CorrelationFindings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each correlation type: positive, negative and boundary cases; aliases; chains; suppression. */
class CorrelationEngineTest {

  private static final Scenario RULES = Scenario.of("rules.yml");

  @Test
  void event_count_fires_at_the_threshold_and_on_the_window_edge_but_not_past_it() {
    Map<String, List<String>> fired = Scenario.fired(RULES.run(Scenario.events("count.jsonl")));
    // u1: 3 in 9 min; u2: only 2; u3: first and third exactly 10 min apart; u4: 10 min 1 s apart
    assertThat(fired).containsOnlyKeys("count_a").containsEntry("count_a", List.of("u1", "u3"));
  }

  @Test
  void event_count_result_carries_window_events_and_aggregate() {
    CorrelationResult u1 = RULES.run(Scenario.events("count.jsonl")).get(0);
    assertThat(u1.groups())
        .containsExactly(Map.entry("userIdentity.arn", "arn:aws:iam::111122223333:user/u1"));
    assertThat(u1.aggregate()).isEqualTo(3);
    assertThat(u1.eventCount()).isEqualTo(3);
    assertThat(u1.eventIds()).containsExactly("ev-0001", "ev-0002", "ev-0003");
    assertThat(u1.windowStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(u1.windowEnd()).isEqualTo(Instant.parse("2026-03-01T00:10:00Z"));
  }

  @Test
  void value_types_compare_distinct_counts_sums_averages_and_percentiles() {
    Map<String, List<String>> fired = Scenario.fired(RULES.run(Scenario.events("values.jsonl")));
    // u1: buckets b1,b2,b3 / bytes 600+500+100; u2: b1,b1 / 500+500; u3: b1,b1 / 100+950;
    // u4: no byte counts at all
    assertThat(fired)
        .containsEntry("distinct_buckets", List.of("u1"))
        .containsEntry("bytes_sum", List.of("u1", "u3"))
        .containsEntry("bytes_avg", List.of("u2", "u3"))
        .containsEntry("bytes_p90", List.of("u3"))
        .hasSize(4);
  }

  @Test
  void value_sum_reports_the_exact_sum() {
    CorrelationResult u3 =
        RULES.run(Scenario.events("values.jsonl")).stream()
            .filter(r -> r.rule().name().equals("bytes_sum"))
            .filter(r -> r.groups().values().iterator().next().endsWith("/u3"))
            .findFirst()
            .orElseThrow();
    assertThat(u3.aggregate()).isEqualTo(1050);
  }

  @Test
  void temporal_needs_every_rule_within_the_timespan_in_any_order_joined_through_aliases() {
    Map<String, List<String>> fired = Scenario.fired(RULES.run(Scenario.events("temporal.jsonl")));
    // x: A, C, then B naming x in its request (alias); y: only B and A; z: C 5.5 min after A;
    // w: C exactly 5 min after A (window edge, inclusive)
    assertThat(fired)
        .containsOnlyKeys("abc_any_order")
        .containsEntry("abc_any_order", List.of("w", "x"));
    CorrelationResult x = RULES.run(Scenario.events("temporal.jsonl")).get(0);
    assertThat(x.groups()).containsOnlyKeys("person");
    assertThat(x.aggregate()).isEqualTo(3);
  }

  @Test
  void temporal_ordered_needs_the_listed_order_within_the_timespan() {
    Map<String, List<String>> fired = Scenario.fired(RULES.run(Scenario.events("ordered.jsonl")));
    // u1: A then B; u2: B then A; u3: A and B in the same second; u4: B 5 min 1 s after A
    assertThat(fired).containsOnlyKeys("a_then_b").containsEntry("a_then_b", List.of("u1", "u3"));
  }

  @Test
  void a_chained_correlation_consumes_the_results_of_the_inner_one() {
    Scenario chain = Scenario.of("chain.yml");
    List<CorrelationResult> results = chain.run(Scenario.events("chain.jsonl"));
    // u1: burst of A then B; u2: burst without B; u3: B without a burst
    assertThat(Scenario.fired(results))
        .containsOnlyKeys("burst_then_b")
        .containsEntry("burst_then_b", List.of("u1"));
    assertThat(results.get(0).eventIds())
        .containsExactly("ev-0037", "ev-0038", "ev-0039", "ev-0040");
    assertThat(CorrelationFindings.toFinding(results.get(0)).severity())
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void events_behind_the_watermark_by_more_than_the_allowed_lateness_are_dropped_and_counted() {
    List<Event> arrival = Scenario.events("lateness.jsonl");
    CorrelationEngine bounded =
        RULES.engine(CorrelationOptions.defaults().withAllowedLateness(Duration.ofMinutes(15)));
    RULES.feed(bounded, arrival);
    // u1's events arrive 5 to 10 minutes late (kept); u9's 28 to 30 minutes late (dropped)
    assertThat(Scenario.fired(bounded.finish())).containsEntry("count_a", List.of("u1"));
    assertThat(bounded.stats().late()).isEqualTo(3);

    assertThat(Scenario.fired(RULES.run(arrival))).containsEntry("count_a", List.of("u9", "u1"));
  }

  @Test
  void generate_false_suppresses_the_base_rules_and_generate_true_keeps_them() {
    CorrelationEngine engine = RULES.engine(CorrelationOptions.defaults());
    SigmaRule a = rule("step_a");
    SigmaRule b = rule("step_b");
    SigmaRule c = rule("step_c");
    // step_a and step_b feed a_then_b (generate: true); step_c only abc_any_order
    assertThat(engine.suppresses(a)).isFalse();
    assertThat(engine.suppresses(b)).isFalse();
    assertThat(engine.suppresses(c)).isTrue();
    assertThat(engine.suppresses(rule("object_read"))).isTrue();
    assertThat(engine.requiredPaths())
        .contains("userIdentity.arn", "requestParameters.userArn", "requestParameters.bucketName");
  }

  @Test
  void inner_correlations_of_a_chain_are_not_reported_on_their_own() {
    Scenario chain = Scenario.of("chain.yml");
    CorrelationEngine engine = chain.engine(CorrelationOptions.defaults());
    chain.feed(engine, Scenario.events("chain.jsonl"));
    assertThat(engine.finish()).extracting(r -> r.rule().name()).containsOnly("burst_then_b");
  }

  @Test
  void result_becomes_a_finding_with_evidence_actor_and_rule_metadata() {
    CorrelationResult u1 = RULES.run(Scenario.events("count.jsonl")).get(0);
    Finding f = CorrelationFindings.toFinding(u1);
    assertThat(f.rule().ruleId()).isEqualTo("count_a");
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.rule().types()).containsExactly("Discovery:IAMUser/AnomalousBehavior");
    assertThat(f.rule().techniques()).containsExactly("T1580");
    assertThat(f.evidence()).containsExactly("ev-0001", "ev-0002", "ev-0003");
    assertThat(f.account()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.actor()).contains("u1");
    assertThat(f.accessKeyIds()).containsExactly("AKIAEXAMPLEU1");
    assertThat(f.eventCount()).isEqualTo(3);
    assertThat(f.firstSeen()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(f.lastSeen()).isEqualTo(Instant.parse("2026-03-01T00:09:00Z"));
    assertThat(CorrelationFindings.toFinding(u1).id()).isEqualTo(f.id());
  }

  @Test
  void an_unknown_reference_fails_compilation_with_its_position() {
    assertThatThrownBy(() -> CorrelationEngine.compile(RULES.rules.correlations(), List.of()))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("rules.yml:")
        .hasMessageContaining("unknown rule 'step_a'");
  }

  @Test
  void matches_without_the_group_by_field_are_counted_as_unusable() {
    CorrelationEngine engine = RULES.engine(CorrelationOptions.defaults());
    RULES.feed(engine, Scenario.events("values.jsonl"));
    engine.finish();
    // u4's two reads lack the byte count: unusable for bytes_sum, bytes_avg and bytes_p90
    assertThat(engine.stats().unusable()).isEqualTo(6);
  }

  private static SigmaRule rule(String name) {
    return RULES.rules.rules().stream()
        .filter(r -> name.equals(r.name()))
        .findFirst()
        .orElseThrow();
  }
}
