package io.trailhound.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * GuardDuty parity and Stratus Red Team coverage of the built-in content: what the issue promises,
 * held by a test.
 */
class BuiltInCoverageTest {

  /**
   * GuardDuty families allowed to be missing because their detectors have not landed yet. Empty:
   * the baseline and intel detectors produce every anomaly, caller-IP and credential-exfiltration
   * type, and the parity test holds them to it.
   */
  static final List<String> PROVIDED_BY_DETECTORS = List.of();

  /**
   * Types the catalogue files under CloudTrail that CloudTrail events cannot show: GuardDuty reads
   * the guardrail trace from Bedrock invocation data, which CloudTrail does not carry.
   */
  static final List<String> NOT_IN_CLOUDTRAIL_EVENTS =
      List.of("Impact:IAMUser/PromptInjection.Direct");

  private static final Path CONTENT = Path.of("src/main/resources/content");

  private static final RuleCatalog CATALOG = RuleCatalog.load(true, List.of(), Placeholders.none());

  private static final List<ContentItem> CONTENT_ITEMS =
      ContentItems.of(CATALOG, DetectorMetadata.builtinIds());

  private static final CoverageReport REPORT =
      Coverage.compute(CoverageCatalogs.builtin(), CONTENT_ITEMS);

  @Test
  void every_cloudtrail_guardduty_type_logs_can_produce_is_produced_under_its_own_name() {
    List<String> missing =
        REPORT.missingCloudTrailTypes().stream()
            .map(GuardDutyType::type)
            .filter(
                t -> PROVIDED_BY_DETECTORS.stream().noneMatch(p -> glob(p).matcher(t).matches()))
            .filter(t -> !NOT_IN_CLOUDTRAIL_EVENTS.contains(t))
            .toList();

    assertThat(missing).as("GuardDuty types no rule or detector produces").isEmpty();
  }

  @Test
  void every_flow_dns_and_lambda_network_type_logs_can_produce_is_produced() {
    assertThat(REPORT.missingNetworkTypes())
        .extracting(GuardDutyType::type)
        .as("GuardDuty network types no detector produces")
        .isEmpty();
  }

  @Test
  void the_exception_lists_name_only_types_that_are_still_missing() {
    List<String> missing =
        REPORT.missingCloudTrailTypes().stream().map(GuardDutyType::type).toList();

    for (String pattern : PROVIDED_BY_DETECTORS) {
      assertThat(missing).as(pattern).anyMatch(t -> glob(pattern).matcher(t).matches());
    }
    assertThat(missing).containsAll(NOT_IN_CLOUDTRAIL_EVENTS);
  }

  @Test
  void every_stratus_red_team_technique_is_detected() {
    assertThat(REPORT.missingStratus()).extracting(StratusTechnique::id).isEmpty();
  }

  @Test
  void every_declared_type_and_stratus_id_exists_in_the_catalogues() {
    assertThat(REPORT.unknownTypes()).isEmpty();
    assertThat(REPORT.unknownStratus()).isEmpty();
  }

  /**
   * A Stratus label is a claim: the rule's own match fixtures must hold one of the events Stratus
   * documents for the technique (when it documents any), so a label cannot drift from what the rule
   * detects. Correlation rules are checked through the fixtures of their sequences.
   */
  @Test
  void every_stratus_label_is_backed_by_a_match_fixture_with_a_documented_event()
      throws IOException {
    Map<String, StratusTechnique> techniques =
        CoverageCatalogs.builtin().stratus().stream()
            .collect(Collectors.toMap(StratusTechnique::id, Function.identity()));
    List<String> unbacked = new ArrayList<>();
    for (ContentItem item : CONTENT_ITEMS) {
      Set<String> events = matchFixtureEventNames(item.name());
      for (String id : item.stratus()) {
        List<String> documented = techniques.get(id).eventNames();
        if (events.isEmpty()
            || (!documented.isEmpty() && documented.stream().noneMatch(events::contains))) {
          unbacked.add(item.name() + " -> " + id + " (fixture events " + events + ")");
        }
      }
    }
    assertThat(unbacked).isEmpty();
  }

  @Test
  void the_stratus_attribute_survives_loading_on_rules() {
    SigmaRule rule =
        CATALOG.rules().stream()
            .filter(r -> r.name().equals("th-cloudtrail-logging-stopped"))
            .findFirst()
            .orElseThrow();

    assertThat(ContentItems.rule(rule, ContentKind.RULE).stratus())
        .containsExactly("aws.defense-evasion.cloudtrail-stop");
  }

  private static Set<String> matchFixtureEventNames(String rule) throws IOException {
    Path dir = CONTENT.resolve("fixtures").resolve(rule).resolve("match");
    Set<String> names = new HashSet<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\n(?=\\{)")) {
          if (!line.isBlank()) {
            JsonNode event = json.readTree(line);
            names.add(event.path("eventName").asText());
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return names;
  }

  private static Pattern glob(String pattern) {
    return Pattern.compile(
        Stream.of(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
