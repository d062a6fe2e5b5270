package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.event.Event;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleException;
import io.trailhound.rule.sigma.SigmaParser;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.testing.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {

  private static SigmaRule rule(String name) throws IOException {
    try (InputStream in = DetectionEngineTest.class.getResourceAsStream("/sigma-parse/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SigmaParser.parse(text, name).rule().orElseThrow();
    }
  }

  @Test
  void invalid_placeholder_value_fails_compilation_at_the_field() throws IOException {
    SigmaRule rule = rule("expand_cidr_rule.yml");
    Placeholders bad = Placeholders.of(Map.of("Office_Ranges", List.of("10.0.0.0/99")));
    assertThatThrownBy(() -> DetectionEngine.compile(List.of(rule), bad))
        .isInstanceOf(RuleException.class)
        .hasMessageStartingWith("expand_cidr_rule.yml:9:9: error: an expanded placeholder value")
        .hasMessageContaining("/99");
  }

  @Test
  void rules_for_other_logsources_never_match_cloudtrail_events() throws IOException {
    DetectionEngine engine =
        DetectionEngine.compile(List.of(rule("windows_rule.yml")), Placeholders.none());
    Event event = TestEvents.cloudTrail(Map.of("eventName", "StopLogging"));
    assertThat(engine.match(event)).isEmpty();
  }

  @Test
  void required_paths_include_fieldref_targets() throws IOException {
    DetectionEngine engine =
        DetectionEngine.compile(List.of(rule("fieldref_rule.yml")), Placeholders.none());
    assertThat(engine.requiredPaths())
        .containsExactlyInAnyOrder(
            "eventName", "eventSource", "userIdentity.userName", "requestParameters.userName");
    assertThat(engine.needsFullText()).isFalse();
  }

  @Test
  void keyword_searches_need_the_full_text() throws IOException {
    DetectionEngine engine =
        DetectionEngine.compile(List.of(rule("full_rule.yml")), Placeholders.none());
    assertThat(engine.needsFullText()).isTrue();
    assertThat(engine.requiredPaths()).contains("userIdentity.type", "userAgent");
  }

  @Test
  void callback_variant_reports_the_same_rules_in_the_same_order() throws IOException {
    SigmaRule full = rule("full_rule.yml");
    SigmaRule fieldref = rule("fieldref_rule.yml");
    DetectionEngine engine = DetectionEngine.compile(List.of(fieldref, full), Placeholders.none());
    Event event =
        TestEvents.cloudTrail(
            Map.of(
                "eventSource", "cloudtrail.amazonaws.com",
                "eventName", "StopLogging",
                "userIdentity", Map.of("type", "IAMUser")));
    List<SigmaRule> seen = new ArrayList<>();
    engine.match(event, seen::add);
    assertThat(seen).containsExactly(full).isEqualTo(engine.match(event));
  }

  @Test
  void fieldref_rule_fires_only_when_someone_changes_another_users_password() throws IOException {
    DetectionEngine engine =
        DetectionEngine.compile(List.of(rule("fieldref_rule.yml")), Placeholders.none());
    Event other =
        TestEvents.cloudTrail(
            Map.of(
                "eventName", "UpdateLoginProfile",
                "userIdentity", Map.of("userName", "mallory"),
                "requestParameters", Map.of("userName", "alice")));
    Event self =
        TestEvents.cloudTrail(
            Map.of(
                "eventName", "UpdateLoginProfile",
                "userIdentity", Map.of("userName", "alice"),
                "requestParameters", Map.of("userName", "alice")));
    assertThat(engine.match(other)).hasSize(1);
    assertThat(engine.match(self)).isEmpty();
  }
}
