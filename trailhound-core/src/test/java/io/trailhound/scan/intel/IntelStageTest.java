package io.trailhound.scan.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.enrich.IpEnricher;
import io.trailhound.enrich.IpInfo;
import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.intel.IntelKind;
import io.trailhound.intel.IntelListSpec;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntelStageTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final Path ROOT = resource("/intel-stage");

  private static Path resource(String name) {
    try {
      return Path.of(IntelStageTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static IndicatorSet fixtureLists(int feedConfidence, IntelKind feedKind) {
    return IndicatorSet.load(
        List.of(
            new IntelListSpec(ROOT.resolve("lists/feed.txt"), "feed", feedKind, feedConfidence),
            new IntelListSpec(ROOT.resolve("lists/mine.txt"), "mine", IntelKind.CUSTOM, 70),
            new IntelListSpec(ROOT.resolve("lists/tor.txt"), "tor-exits", IntelKind.TOR_EXIT, 80)),
        CLOCK);
  }

  static List<Finding> scan(Path input, IndicatorSet intel, IpEnricher enricher) {
    return new ScanService(CLOCK)
        .scan(
            InputSpec.expand(List.of(input.toString())),
            RuleCatalog.load(false, List.of(), Placeholders.none()),
            ScanOptions.defaults().withThreads(2).withStage(IntelStage.factory(intel, enricher)))
        .findings();
  }

  private static List<String> eventIds(Path jsonl) {
    try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
      return lines.map(l -> l.replaceAll(".*\"eventID\":\"([^\"]+)\".*", "$1")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(IntelFindingType.class)
  void each_type_fires_on_its_positive_fixture_with_every_event_as_evidence(IntelFindingType type) {
    Path match = ROOT.resolve(type.id()).resolve("match/events.jsonl");
    List<Finding> findings = scan(match, fixtureLists(70, IntelKind.MALICIOUS), IpEnricher.NONE);

    assertThat(findings)
        .as(type.id())
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.rule().ruleId()).isEqualTo(type.id());
              assertThat(f.rule().types()).containsExactly(type.guardDutyType());
              assertThat(f.explanation()).contains(" is on list '");
            });
    assertThat(findings.stream().flatMap(f -> f.evidence().stream()).sorted().toList())
        .isEqualTo(eventIds(match));
  }

  @ParameterizedTest
  @EnumSource(IntelFindingType.class)
  void each_type_stays_silent_on_its_look_alikes(IntelFindingType type) {
    Path nomatch = ROOT.resolve(type.id()).resolve("nomatch/events.jsonl");
    List<Finding> findings = scan(nomatch, fixtureLists(70, IntelKind.MALICIOUS), IpEnricher.NONE);

    assertThat(findings).extracting(f -> f.rule().ruleId()).doesNotContain(type.id());
  }

  @Test
  void the_explanation_names_list_place_calls_actor_and_time() {
    IpEnricher geo = ip -> new IpInfo("NL", 64496, "Example Hosting B.V.");
    List<Finding> findings =
        scan(
            ROOT.resolve("th-intel-iam-malicious-ip/match/events.jsonl"),
            fixtureLists(70, IntelKind.MALICIOUS),
            geo);

    assertThat(findings.get(0).explanation())
        .isEqualTo(
            "203.0.113.66 (AS64496 Example Hosting B.V., NL) is on list 'feed' (malicious,"
                + " confidence 70, 2 entries); 2 calls (AttachUserPolicy 1, CreateUser 1; 1 failed)"
                + " by arn:aws:iam::111122223333:user/alice between 2026-11-20T20:41:02Z and"
                + " 2026-11-20T20:42:10Z");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void an_address_inside_a_listed_network_names_the_entry_that_holds_it() {
    List<Finding> findings =
        scan(
            ROOT.resolve("th-intel-recon-tor-ip/match/events.jsonl"),
            fixtureLists(70, IntelKind.MALICIOUS),
            IpEnricher.NONE);

    assertThat(findings).hasSize(2);
    assertThat(findings)
        .extracting(Finding::explanation)
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(
                        "2001:db8:7e57::5 is on list 'tor-exits' (tor-exit, confidence 80, 2 entries, entry 2001:db8:7e57::/48)"));
    assertThat(findings).extracting(Finding::id).doesNotHaveDuplicates();
  }

  @Test
  void confidence_and_kind_move_the_severity() {
    Path match = ROOT.resolve("th-intel-iam-malicious-ip/match/events.jsonl");
    assertThat(scan(match, fixtureLists(30, IntelKind.MALICIOUS), IpEnricher.NONE))
        .extracting(Finding::severity)
        .containsExactly(Severity.LOW);
    assertThat(scan(match, fixtureLists(90, IntelKind.MALICIOUS), IpEnricher.NONE))
        .extracting(Finding::severity)
        .containsExactly(Severity.HIGH);
    assertThat(scan(match, fixtureLists(90, IntelKind.C2), IpEnricher.NONE))
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL);
  }

  @Test
  void without_lists_nothing_fires() {
    Path match = ROOT.resolve("th-intel-iam-malicious-ip/match/events.jsonl");
    assertThat(scan(match, IndicatorSet.EMPTY, IpEnricher.NONE)).isEmpty();
  }

  @Test
  void every_intel_detector_is_indexed_and_has_both_fixture_folders() {
    for (IntelFindingType type : IntelFindingType.values()) {
      assertThat(DetectorMetadata.builtinIds()).contains(type.id());
      assertThat(ROOT.resolve(type.id()).resolve("match")).isDirectory();
      assertThat(ROOT.resolve(type.id()).resolve("nomatch")).isDirectory();
    }
    assertThat(
            DetectorMetadata.builtinIds().stream()
                .filter(id -> id.startsWith("th-intel-"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(IntelStage.detectorIds());
    assertThat(Arrays.stream(IntelFindingType.values()).map(IntelFindingType::guardDutyType))
        .doesNotHaveDuplicates();
  }

  @Test
  void findings_do_not_depend_on_the_order_events_arrive_in(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (IntelFindingType type : IntelFindingType.values()) {
      lines.addAll(
          Files.readAllLines(
              ROOT.resolve(type.id()).resolve("match/events.jsonl"), StandardCharsets.UTF_8));
    }
    Path ordered = dir.resolve("ordered");
    Path shuffled = dir.resolve("shuffled");
    Files.createDirectories(ordered);
    Files.createDirectories(shuffled);
    Files.write(ordered.resolve("all.jsonl"), lines, StandardCharsets.UTF_8);
    List<String> mixed = new ArrayList<>(lines);
    Collections.shuffle(mixed, new Random(42));
    int third = mixed.size() / 3;
    Files.write(shuffled.resolve("c.jsonl"), mixed.subList(0, third), StandardCharsets.UTF_8);
    Files.write(
        shuffled.resolve("a.jsonl"), mixed.subList(third, 2 * third), StandardCharsets.UTF_8);
    Files.write(
        shuffled.resolve("b.jsonl"),
        mixed.subList(2 * third, mixed.size()),
        StandardCharsets.UTF_8);

    IndicatorSet intel = fixtureLists(70, IntelKind.MALICIOUS);
    List<Finding> a = scan(ordered, intel, IpEnricher.NONE);
    List<Finding> b = scan(shuffled, intel, IpEnricher.NONE);

    assertThat(a).hasSizeGreaterThanOrEqualTo(IntelFindingType.values().length);
    assertThat(b)
        .extracting(Finding::id, Finding::evidence, Finding::explanation, Finding::severity)
        .containsExactlyElementsOf(
            a.stream()
                .map(
                    f ->
                        org.assertj.core.groups.Tuple.tuple(
                            f.id(), f.evidence(), f.explanation(), f.severity()))
                .toList());
  }
}
