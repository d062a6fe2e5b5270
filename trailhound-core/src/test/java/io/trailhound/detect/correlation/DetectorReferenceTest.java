package io.trailhound.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.rule.sigma.CorrelationLinks;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.SigmaParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Correlations over a built-in detector's findings: {@code located_then_b} is a new location
 * (th-baseline-unusual-location) followed by StepB within an hour. u1: location, B 20 minutes later
 * (fires); u2: B two hours later (too late); u3: B before the location (wrong order). Events named
 * Other stand for the events the detector reported.
 */
class DetectorReferenceTest {

  private static final String LOCATION = "th-baseline-unusual-location";
  private static final Scenario SCENARIO = Scenario.of("detector.yml");

  private static List<CorrelationResult> run(List<Event> events) {
    CorrelationEngine engine = SCENARIO.engine(CorrelationOptions.defaults());
    SCENARIO.feed(engine, events);
    for (Event e : events) {
      if (e.view().api().equals("Other")) {
        engine.offer(LOCATION, e.view());
      }
    }
    return engine.finish();
  }

  @Test
  void a_detector_finding_followed_by_the_next_step_in_time_fires_once_for_that_principal() {
    List<CorrelationResult> results = run(Scenario.events("detector.jsonl"));

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.groups())
                  .isEqualTo(Map.of("userIdentity.arn", "arn:aws:iam::111122223333:user/u1"));
              assertThat(r.eventIds()).containsExactly("ev-d1", "ev-d2");
            });
  }

  @Test
  void the_result_does_not_depend_on_the_order_of_events_and_findings() {
    List<Event> events = Scenario.events("detector.jsonl");
    List<String> expected = run(events).stream().map(r -> r.eventIds().toString()).toList();
    for (long seed = 1; seed <= 5; seed++) {
      List<Event> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(run(shuffled).stream().map(r -> r.eventIds().toString()).toList())
          .isEqualTo(expected);
    }
  }

  @Test
  void findings_of_unreferenced_detectors_and_without_the_group_field_are_not_used() {
    CorrelationEngine engine = SCENARIO.engine(CorrelationOptions.defaults());
    EventView u1 = Scenario.events("detector.jsonl").get(0).view();
    EventView anonymous =
        new EventView(
            "ev-x",
            u1.time(),
            u1.account(),
            u1.region(),
            u1.service(),
            u1.api(),
            null,
            null,
            null,
            u1.outcome(),
            new io.trailhound.event.Actor(
                "IAMUser", null, null, null, null, null, null, null, null, null, null, null),
            u1.source(),
            List.of());

    engine.offer("th-baseline-impossible-travel", u1);
    engine.offer(LOCATION, anonymous);

    assertThat(engine.listensTo(LOCATION)).isTrue();
    assertThat(engine.listensTo("th-baseline-impossible-travel")).isFalse();
    assertThat(engine.stats().unusable()).isEqualTo(1);
    assertThat(engine.finish()).isEmpty();
  }

  @Test
  void a_reference_to_a_built_in_detector_resolves_and_an_unknown_name_still_does_not()
      throws java.io.IOException {
    String text;
    try (java.io.InputStream in =
        getClass().getResourceAsStream("/correlation-engine/detector-unknown.yml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    ParseResult parsed = SigmaParser.parse(text, "detector-unknown.yml");
    assertThat(CorrelationLinks.of(parsed.rules(), parsed.correlations()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("th-baseline-no-such-detector"));
  }
}
