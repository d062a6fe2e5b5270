package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.SigmaParser;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.testing.TestEvents;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The conformance suite: each file in {@code sigma-conformance/} holds a {@code detection} (made
 * into a CloudTrail rule), optional {@code placeholders}, and {@code events} with the expected
 * {@code match} for each.
 */
class SigmaConformanceTest {

  private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()));

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(SigmaConformanceTest.class.getResource("/sigma-conformance").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
    }
  }

  @Test
  void suite_covers_at_least_sixty_cases() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void rule_matches_exactly_the_expected_events(Path file) throws IOException {
    Map<String, Object> spec = YAML.load(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("title", String.valueOf(spec.get("description")));
    rule.put("logsource", Map.of("product", "aws", "service", "cloudtrail"));
    rule.put("detection", spec.get("detection"));
    ParseResult parsed = SigmaParser.parse(YAML.dump(rule), file.toString());
    assertThat(parsed.problems()).filteredOn(p -> p.isError()).isEmpty();
    Map<String, List<String>> placeholders =
        (Map<String, List<String>>) spec.getOrDefault("placeholders", Map.of());
    DetectionEngine engine = DetectionEngine.compile(parsed.rules(), Placeholders.of(placeholders));
    SigmaRule compiled = parsed.rules().get(0);
    SoftAssertions softly = new SoftAssertions();
    List<Map<String, Object>> events = (List<Map<String, Object>>) spec.get("events");
    assertThat(events).as("events").isNotEmpty();
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> entry = events.get(i);
      Event event = TestEvents.cloudTrail((Map<?, ?>) entry.get("event"));
      boolean expected = (Boolean) entry.get("match");
      softly
          .assertThat(engine.match(event).contains(compiled))
          .as("%s event #%d %s", spec.get("description"), i, entry.get("event"))
          .isEqualTo(expected);
    }
    softly.assertAll();
  }
}
