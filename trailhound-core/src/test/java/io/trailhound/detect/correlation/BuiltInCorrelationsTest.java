package io.trailhound.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.detect.DetectionEngine;
import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.rule.fixture.Fixture;
import io.trailhound.rule.fixture.FixtureSet;
import io.trailhound.rule.sigma.CorrelationLinks;
import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleRef;
import io.trailhound.scan.CorrelationFindings;
import io.trailhound.source.cloudtrail.CloudTrailReader;
import io.trailhound.source.cloudtrail.IngestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The translated SigmaHQ rules and the attack chains: results on their fixture sequences do not
 * depend on order.
 */
class BuiltInCorrelationsTest {

  private static final ParseResult PACK = BuiltInCorrelations.collect();
  private static final DetectionEngine DETECTION =
      DetectionEngine.compile(PACK.rules(), Placeholders.none());
  private static final FixtureSet FIXTURES =
      FixtureSet.classpath(
          BuiltInCorrelationsTest.class.getClassLoader(), FixtureSet.BUILTIN_INDEX);

  @Test
  void the_pack_holds_the_translations_and_the_chains_all_suppressing_their_building_blocks() {
    assertThat(PACK.problems()).isEmpty();
    assertThat(PACK.correlations()).hasSize(30).noneMatch(CorrelationRule::generate);
    CorrelationEngine engine = CorrelationEngine.compile(PACK.correlations(), PACK.rules());
    assertThat(engine.suppressedRules()).hasSameSizeAs(PACK.rules());
  }

  @Test
  void every_sequence_fixture_gives_its_verdict_whatever_the_order_of_events() throws IOException {
    int sequences = 0;
    for (CorrelationRule rule : PACK.correlations()) {
      for (Fixture fixture : FIXTURES.forRule(rule.name())) {
        List<Event> events = read(fixture);
        List<String> expected = describe(run(events, rule), rule);
        assertThat(expected.isEmpty()).as(fixture.location()).isNotEqualTo(fixture.shouldMatch());
        for (long seed = 1; seed <= 10; seed++) {
          List<Event> shuffled = new ArrayList<>(events);
          Collections.shuffle(shuffled, new Random(seed));
          assertThat(describe(run(shuffled, rule), rule))
              .as(fixture.location() + " seed " + seed)
              .isEqualTo(expected);
        }
        sequences++;
      }
    }
    assertThat(sequences).isGreaterThanOrEqualTo(33);
  }

  @Test
  void the_list_burst_reports_the_principal_the_count_and_the_evidence() throws IOException {
    Fixture match =
        FIXTURES.forRule("th-enum-list-burst").stream()
            .filter(Fixture::shouldMatch)
            .findFirst()
            .orElseThrow();
    List<CorrelationResult> results =
        run(read(match)).stream()
            .filter(r -> r.rule().name().equals("th-enum-list-burst"))
            .toList();
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule().name()).isEqualTo("th-enum-list-burst");
              assertThat(r.aggregate()).isEqualTo(51);
              assertThat(r.groups().get("userIdentity.arn"))
                  .isEqualTo("arn:aws:iam::111122223333:user/dev-jane");
            });
    Finding finding = CorrelationFindings.toFinding(results.get(0));
    assertThat(finding.eventCount()).isEqualTo(51);
    assertThat(finding.evidence()).hasSize(51);
    assertThat(finding.actor()).contains("dev-jane");
    assertThat(finding.rule().techniques()).contains("T1580");
  }

  private static List<CorrelationResult> run(List<Event> events) {
    CorrelationEngine engine = CorrelationEngine.compile(PACK.correlations(), PACK.rules());
    for (Event e : events) {
      DETECTION.match(e, r -> engine.offer(r, e));
    }
    return engine.finish();
  }

  /**
   * Runs the rule with the correlations it chains, so an inner correlation (not reported by its
   * chain) is checked on its own fixtures.
   */
  private static List<CorrelationResult> run(List<Event> events, CorrelationRule rule) {
    CorrelationLinks links = CorrelationLinks.of(PACK.rules(), PACK.correlations());
    List<CorrelationRule> closure = new ArrayList<>();
    closure(rule, links, closure);
    CorrelationEngine engine = CorrelationEngine.compile(closure, PACK.rules());
    for (Event e : events) {
      DETECTION.match(e, r -> engine.offer(r, e));
    }
    return engine.finish();
  }

  private static void closure(
      CorrelationRule rule, CorrelationLinks links, List<CorrelationRule> closure) {
    if (closure.contains(rule)) {
      return;
    }
    closure.add(rule);
    for (RuleRef ref : rule.correlation().rules()) {
      CorrelationRule inner = links.correlation(ref);
      if (inner != null) {
        closure(inner, links, closure);
      }
    }
  }

  private static List<Event> read(Fixture fixture) throws IOException {
    List<Event> events = new ArrayList<>();
    CloudTrailReader reader = CloudTrailReader.create(IngestOptions.defaults().withThreads(1));
    try (InputStream in = fixture.source().open()) {
      reader.read(fixture.location(), in, events::add);
    }
    return events;
  }

  private static List<String> describe(List<CorrelationResult> results, CorrelationRule rule) {
    return results.stream()
        .filter(r -> r.rule() == rule)
        .map(r -> r.rule().name() + " " + r.groups() + " " + r.windowStart() + " " + r.eventIds())
        .toList();
  }
}
