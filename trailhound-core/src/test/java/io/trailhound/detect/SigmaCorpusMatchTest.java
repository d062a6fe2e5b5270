package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.testing.SharedCorpus;
import io.trailhound.testing.TestEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SigmaHQ AWS rules against real CloudTrail records from the TrailDiscover samples. */
class SigmaCorpusMatchTest {

  private static Map<String, SigmaRule> rules;
  private static DetectionEngine engine;

  @BeforeAll
  static void compile() {
    List<SigmaRule> loaded = RuleLoader.load(SharedCorpus.require("corpus/sigma/rules/rules"));
    rules = loaded.stream().collect(Collectors.toMap(SigmaRule::ruleId, Function.identity()));
    engine = DetectionEngine.compile(loaded, Placeholders.none());
  }

  private static List<Event> sample(String relative) {
    Path file = SharedCorpus.require("corpus/logs/cloudtrail/traildiscover/events/" + relative);
    return TestEvents.readCloudTrailArray(file);
  }

  private static String title(SigmaRule rule) {
    return rule.title();
  }

  @Test
  void disable_logging_rule_matches_the_stop_logging_event() {
    List<Event> events = sample("CloudTrail/StopLogging.json.cloudtrail");
    assertThat(events).isNotEmpty();
    for (Event event : events) {
      assertThat(engine.match(event))
          .extracting(SigmaCorpusMatchTest::title)
          .contains("AWS CloudTrail Important Change");
    }
  }

  @Test
  void disable_logging_rule_matches_delete_and_update_trail() {
    for (String file :
        List.of(
            "CloudTrail/DeleteTrail.json.cloudtrail", "CloudTrail/UpdateTrail.json.cloudtrail")) {
      for (Event event : sample(file)) {
        assertThat(engine.match(event))
            .extracting(SigmaCorpusMatchTest::title)
            .contains("AWS CloudTrail Important Change");
      }
    }
  }

  @Test
  void root_account_rule_does_not_match_assumed_role_events() {
    SigmaRule root = rules.get("8ad1600d-e9dc-4251-b0ee-a65268f29add");
    assertThat(root).isNotNull();
    List<Event> assumedRole =
        SharedCorpus.trailDiscoverEvents().stream()
            .filter(e -> e.values("userIdentity.type").contains(new FieldValue.Text("AssumedRole")))
            .toList();
    assertThat(assumedRole).isNotEmpty();
    assertThat(assumedRole).noneMatch(e -> engine.match(e).contains(root));
  }

  @Test
  void root_account_rule_matches_a_root_console_call() {
    SigmaRule root = rules.get("8ad1600d-e9dc-4251-b0ee-a65268f29add");
    Event event = sample("CloudTrail/StopLogging.json.cloudtrail").get(0);
    Event asRoot =
        TestEvents.cloudTrail(
            Map.of(
                "eventName", "StopLogging",
                "eventType", "AwsApiCall",
                "userIdentity", Map.of("type", "Root")));
    assertThat(engine.match(event)).doesNotContain(root);
    assertThat(engine.match(asRoot)).contains(root);
  }

  @Test
  void list_buckets_by_a_user_is_bucket_enumeration() {
    SigmaRule enumBuckets =
        rules.values().stream()
            .filter(r -> r.source().endsWith("aws_enum_buckets.yml"))
            .findFirst()
            .orElseThrow();
    List<Event> matched =
        SharedCorpus.trailDiscoverEvents().stream()
            .filter(e -> engine.match(e).contains(enumBuckets))
            .toList();
    assertThat(matched)
        .allSatisfy(
            e -> {
              assertThat(e.values("eventName")).containsExactly(new FieldValue.Text("ListBuckets"));
              assertThat(e.values("userIdentity.type"))
                  .doesNotContain(new FieldValue.Text("AssumedRole"));
            });
  }
}
