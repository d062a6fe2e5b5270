package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.event.Event;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.testing.SharedCorpus;
import io.trailhound.testing.TestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionIndexTest {

  private static final List<SigmaRule> RULES =
      RuleLoader.loadFromClasspath(
          DetectionIndexTest.class.getClassLoader(), "detect-index/index.txt");
  private static final DetectionEngine ENGINE = DetectionEngine.compile(RULES, Placeholders.none());

  private static List<String> candidateIds(Event event) {
    return ENGINE.candidates(event).stream().map(SigmaRule::ruleId).toList();
  }

  @Test
  void event_is_tested_only_against_rules_whose_event_name_it_has() {
    Event stop =
        TestEvents.cloudTrail(
            Map.of("eventName", "StopLogging", "eventSource", "cloudtrail.amazonaws.com"));
    assertThat(candidateIds(stop))
        .containsExactlyInAnyOrder(
            "index-stop-logging", "index-trail-changes", "index-boto", "index-either");
  }

  @Test
  void rules_without_an_event_name_requirement_are_indexed_by_event_source() {
    Event get =
        TestEvents.cloudTrail(Map.of("eventName", "GetObject", "eventSource", "s3.amazonaws.com"));
    Event other =
        TestEvents.cloudTrail(Map.of("eventName", "GetObject", "eventSource", "ec2.amazonaws.com"));
    assertThat(candidateIds(get)).contains("index-s3-get").doesNotContain("index-stop-logging");
    assertThat(candidateIds(other)).doesNotContain("index-s3-get");
  }

  @Test
  void rules_without_event_name_or_source_are_indexed_by_another_required_field() {
    Event root =
        TestEvents.cloudTrail(
            Map.of("eventName", "RunInstances", "userIdentity", Map.of("type", "Root")));
    Event user =
        TestEvents.cloudTrail(
            Map.of("eventName", "RunInstances", "userIdentity", Map.of("type", "IAMUser")));
    assertThat(candidateIds(root)).contains("index-root");
    assertThat(candidateIds(user)).doesNotContain("index-root");
    assertThat(ENGINE.match(root)).extracting(SigmaRule::ruleId).containsExactly("index-root");
  }

  @Test
  void index_keys_ignore_case() {
    Event lower = TestEvents.cloudTrail(Map.of("eventName", "stoplogging"));
    assertThat(candidateIds(lower)).contains("index-stop-logging");
    assertThat(ENGINE.match(lower)).extracting(SigmaRule::ruleId).contains("index-stop-logging");
  }

  @Test
  void rules_with_an_unconstrained_branch_are_always_evaluated() {
    Event unrelated = TestEvents.cloudTrail(Map.of("eventName", "RunInstances"));
    assertThat(candidateIds(unrelated)).containsExactlyInAnyOrder("index-boto", "index-either");
  }

  @Test
  void event_of_another_source_type_is_tested_against_no_rule() {
    Event vpc =
        TestEvents.of(
            "vpcflow",
            new ObjectMapper().valueToTree(Map.of("eventName", "StopLogging")),
            "test",
            0);
    assertThat(ENGINE.candidates(vpc)).isEmpty();
    assertThat(ENGINE.match(vpc)).isEmpty();
  }

  @Test
  void matches_are_reported_in_rule_order() {
    Event event =
        TestEvents.cloudTrail(
            Map.of(
                "eventName", "DeleteTrail",
                "eventSource", "cloudtrail.amazonaws.com",
                "userAgent", "Boto3/1.34"));
    assertThat(ENGINE.match(event))
        .extracting(SigmaRule::ruleId)
        .containsExactly("index-boto", "index-either", "index-trail-changes");
  }

  @Test
  void required_paths_include_index_keys_rule_fields_and_no_keywords() {
    assertThat(ENGINE.requiredPaths())
        .contains("eventName", "eventSource", "userAgent", "userIdentity.userName");
    assertThat(ENGINE.needsFullText()).isFalse();
  }

  @Test
  void indexed_engine_matches_exactly_what_evaluating_every_rule_matches_on_the_corpus() {
    List<SigmaRule> corpus = RuleLoader.load(SharedCorpus.require("corpus/sigma/rules/rules"));
    DetectionEngine indexed = DetectionEngine.compile(corpus, Placeholders.none());
    int matches = 0;
    for (Event event : SharedCorpus.trailDiscoverEvents()) {
      List<SigmaRule> expected = indexed.matchWithoutIndex(event);
      assertThat(indexed.match(event)).as(event.toString()).isEqualTo(expected);
      matches += expected.size();
    }
    assertThat(matches).isPositive();
  }
}
