package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailhound.detect.DetectionEngine;
import io.trailhound.event.Event;
import io.trailhound.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The parser must turn any input into problems, never into another exception, and every rule it
 * accepts must compile and evaluate. In the normal build this runs in regression mode over the
 * seeds in {@code SigmaParserFuzzTestInputs}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class SigmaParserFuzzTest {

  private static final Event EVENT =
      TestEvents.cloudTrail(
          Map.of(
              "eventName", "StopLogging",
              "eventSource", "cloudtrail.amazonaws.com",
              "sourceIPAddress", "10.1.2.3",
              "requestParameters", Map.of("n", 5, "list", List.of("a", "b"))));

  @FuzzTest(maxDuration = "30s")
  void parser_reports_problems_instead_of_throwing(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ParseResult result = SigmaParser.parse(text, "fuzz.yml");
    assertThat(result).isNotNull();
    if (!result.hasErrors()) {
      DetectionEngine engine = DetectionEngine.compile(result.orThrow(), Placeholders.none());
      assertThat(engine.match(EVENT)).isNotNull();
    } else {
      assertThat(result.problems()).anyMatch(RuleProblem::isError);
    }
    for (RuleProblem problem : result.problems()) {
      assertThat(problem.line()).isNotNegative();
      assertThat(problem.toString()).startsWith("fuzz.yml:");
    }
  }
}
