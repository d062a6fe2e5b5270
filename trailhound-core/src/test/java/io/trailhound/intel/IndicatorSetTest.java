package io.trailhound.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSetTest {

  private static final Clock NOV_21 =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final Path EXAMPLES = Path.of("../examples/intel");

  static Path resource(String name) {
    try {
      return Path.of(IndicatorSetTest.class.getResource("/intel/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IntelList only(IntelListSpec spec) {
    return IndicatorSet.load(List.of(spec), NOV_21).lists().get(0);
  }

  @Test
  void a_text_list_keeps_good_lines_and_counts_bad_ones_with_their_line_numbers() {
    IntelList list = only(new IntelListSpec(resource("messy.txt"), null, IntelKind.CUSTOM, 70));

    assertThat(list.name()).isEqualTo("messy");
    assertThat(list.format()).isEqualTo("text");
    assertThat(list.addresses()).isEqualTo(4);
    assertThat(list.domains()).isEqualTo(2);
    assertThat(list.duplicates()).isEqualTo(1);
    assertThat(list.problemCount()).isEqualTo(3);
    assertThat(list.problems()).extracting(IntelProblem::line).containsExactly(5, 6, 7);
    assertThat(list.problems().get(0).text()).isEqualTo("999.1.2.3");
  }

  @Test
  void an_address_matches_the_most_specific_network_holding_it() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(new IntelListSpec(resource("messy.txt"), "hand", IntelKind.MALICIOUS, 55)),
            NOV_21);

    assertThat(set.matchIp("192.0.2.130"))
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.indicator()).isEqualTo("192.0.2.128/25");
              assertThat(hit.list()).isEqualTo("hand");
              assertThat(hit.kind()).isEqualTo(IntelKind.MALICIOUS);
              assertThat(hit.confidence()).isEqualTo(55);
              assertThat(hit.exact()).isFalse();
            });
    assertThat(set.matchIp("192.0.2.5"))
        .extracting(IntelHit::indicator)
        .containsExactly("192.0.2.0/24");
    assertThat(set.matchIp("10.200.3.4"))
        .extracting(IntelHit::indicator)
        .containsExactly("10.0.0.0/8");
    assertThat(set.matchIp("198.51.100.7")).extracting(IntelHit::exact).containsExactly(true);
    assertThat(set.matchIp("::ffff:198.51.100.7")).hasSize(1);
    assertThat(set.matchIp("198.51.100.8")).isEmpty();
    assertThat(set.matchIp("11.0.0.0")).isEmpty();
    assertThat(set.matchIp("config.amazonaws.com")).isEmpty();
    assertThat(set.matchIp((String) null)).isEmpty();
  }

  @Test
  void a_domain_matches_itself_and_its_subdomains_but_not_look_alikes() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(new IntelListSpec(resource("messy.txt"), null, IntelKind.CUSTOM, 70)), NOV_21);

    assertThat(set.matchDomain("example.com")).extracting(IntelHit::exact).containsExactly(true);
    assertThat(set.matchDomain("WWW.Example.COM."))
        .extracting(IntelHit::exact)
        .containsExactly(false);
    assertThat(set.matchDomain("https://evil.example.org/x")).hasSize(1);
    assertThat(set.matchDomain("notexample.com")).isEmpty();
    assertThat(set.matchDomain("example.com.evil.net")).isEmpty();
    assertThat(set.matchDomain("example.org")).isEmpty();
  }

  @Test
  void a_csv_without_a_known_header_uses_the_first_column_that_holds_an_indicator() {
    IntelList list =
        only(new IntelListSpec(resource("no-header-column.csv"), null, IntelKind.CUSTOM, 70));

    assertThat(list.format()).isEqualTo("csv");
    assertThat(list.addresses()).isEqualTo(1);
    assertThat(list.domains()).isEqualTo(1);
    assertThat(list.problems()).extracting(IntelProblem::line).containsExactly(3);
  }

  @Test
  void a_csv_confidence_column_overrides_the_list_default_per_row() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(
                new IntelListSpec(EXAMPLES.resolve("watchlist.csv"), null, IntelKind.CUSTOM, 70)),
            NOV_21);

    assertThat(set.matchIp("198.51.100.250")).extracting(IntelHit::confidence).containsExactly(90);
    assertThat(set.matchIp("2001:db8:7e57:0:0:0:0:10"))
        .extracting(IntelHit::confidence)
        .containsExactly(40);
  }

  @Test
  void stix_indicators_carry_their_confidence_labels_and_id_and_or_patterns_become_entries() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(
                IntelListSpec.parse(
                    EXAMPLES.resolve("threat-feed.stix.json") + ":feed:malicious:50")),
            NOV_21);
    IntelList list = set.lists().get(0);

    assertThat(list.format()).isEqualTo("stix");
    assertThat(list.addresses()).isEqualTo(3);
    assertThat(list.domains()).isEqualTo(2);
    assertThat(list.skipped()).containsEntry("expired", 1).containsEntry("revoked", 1);
    assertThat(list.problemCount()).isZero();
    assertThat(set.matchIp("203.0.113.66"))
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.confidence()).isEqualTo(85);
              assertThat(hit.labels()).containsExactly("malicious-activity", "compromised");
              assertThat(hit.reference())
                  .isEqualTo("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
            });
    assertThat(set.matchIp("192.0.2.63")).extracting(IntelHit::confidence).containsExactly(60);
    assertThat(set.matchIp("192.0.2.64")).isEmpty();
    assertThat(set.matchIp("2001:db8:bad::1")).hasSize(1);
    assertThat(set.matchDomain("beacon.c2.example.net")).hasSize(1);
    assertThat(set.matchDomain("drop.example.org")).hasSize(1);
    assertThat(set.matchIp("198.51.100.23")).as("expired").isEmpty();
    assertThat(set.matchIp("198.51.100.45")).as("revoked").isEmpty();
  }

  @Test
  void a_broken_bundle_keeps_what_came_before_the_damage_and_says_why_the_rest_was_left_out() {
    Clock june = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    IndicatorSet set =
        IndicatorSet.load(
            List.of(new IntelListSpec(resource("broken-bundle.json"), null, IntelKind.C2, 70)),
            june);
    IntelList list = set.lists().get(0);

    assertThat(set.matchIp("198.51.100.1")).extracting(IntelHit::confidence).containsExactly(95);
    assertThat(set.matchIp("198.51.100.2")).as("AND pattern").isEmpty();
    assertThat(set.matchIp("198.51.100.3")).as("not yet valid").isEmpty();
    assertThat(set.matchIp("198.51.100.4")).extracting(IntelHit::confidence).containsExactly(70);
    assertThat(list.problems()).extracting(IntelProblem::line).containsExactly(5, 8, 9);
    assertThat(list.problems().get(2).reason()).startsWith("broken JSON after 8 objects");
    assertThat(list.skipped())
        .containsEntry("pattern joins observations with AND/FOLLOWEDBY", 1)
        .containsEntry("no IP, domain or URL in the pattern", 1)
        .containsEntry("pattern_type sigma", 1)
        .containsEntry("not yet valid", 1);
  }

  @Test
  void lists_report_every_match_one_hit_per_list() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(
                IntelListSpec.parse(EXAMPLES.resolve("tor-exits.txt") + ":tor:tor-exit:80"),
                IntelListSpec.parse(EXAMPLES.resolve("watchlist.csv").toString())),
            NOV_21);

    assertThat(set.matchIp("198.51.100.250"))
        .extracting(IntelHit::list, IntelHit::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tor", IntelKind.TOR_EXIT),
            org.assertj.core.groups.Tuple.tuple("watchlist", IntelKind.CUSTOM));
  }

  @Test
  void a_spec_names_file_list_kind_and_confidence_and_rejects_nonsense() {
    IntelListSpec spec = IntelListSpec.parse("lists/tor.txt:tor-exits:tor-exit:80");
    assertThat(spec.path()).isEqualTo(Path.of("lists/tor.txt"));
    assertThat(spec.name()).isEqualTo("tor-exits");
    assertThat(spec.kind()).isEqualTo(IntelKind.TOR_EXIT);
    assertThat(spec.confidence()).isEqualTo(80);

    IntelListSpec plain = IntelListSpec.parse("lists/blocked.ips.txt");
    assertThat(plain.name()).isEqualTo("blocked");
    assertThat(plain.kind()).isEqualTo(IntelKind.CUSTOM);
    assertThat(plain.confidence()).isEqualTo(IntelListSpec.DEFAULT_CONFIDENCE);

    assertThatThrownBy(() -> IntelListSpec.parse("a.txt:x:evil")).hasMessageContaining("tor-exit");
    assertThatThrownBy(() -> IntelListSpec.parse("a.txt:x:c2:high")).hasMessageContaining("0-100");
    assertThatThrownBy(() -> IntelListSpec.parse("a.txt:x:c2:101")).hasMessageContaining("0-100");
  }

  @Test
  void a_missing_file_is_an_error_naming_it() {
    assertThatThrownBy(
            () -> IndicatorSet.load(List.of(IntelListSpec.parse("/nonexistent/list.txt")), NOV_21))
        .isInstanceOf(IntelException.class)
        .hasMessageContaining("/nonexistent/list.txt");
  }

  @Test
  void a_stix_set_comparison_gives_an_entry_per_value() {
    IndicatorSet set =
        IndicatorSet.load(
            List.of(new IntelListSpec(resource("set-bundle.json"), null, IntelKind.C2, 70)),
            NOV_21);

    assertThat(set.lists().get(0).addresses()).isEqualTo(2);
    assertThat(set.matchIp("198.51.100.11")).hasSize(1);
    assertThat(set.matchDomain("a.example.net")).hasSize(1);
    assertThat(set.lists().get(0).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.text()).isEqualTo("o'brien.example.net"));
  }

  @Test
  void a_hosts_file_blocklist_lists_its_domains_not_the_sinkhole_address() {
    IntelList list =
        only(new IntelListSpec(resource("hosts-format.txt"), null, IntelKind.MINING_POOL, 70));

    assertThat(list.domains()).isEqualTo(2);
    assertThat(list.addresses()).as("the bare 0.0.0.0 line").isEqualTo(1);
  }

  @Test
  void a_csv_whose_header_is_commented_out_keeps_its_first_row() {
    IntelList list =
        only(new IntelListSpec(resource("commented-header.csv"), null, IntelKind.C2, 70));

    assertThat(list.addresses()).isEqualTo(2);
    assertThat(list.problemCount()).isZero();
  }

  @Test
  void the_tor_projects_exit_addresses_format_lists_its_exit_addresses() {
    IntelList list =
        only(new IntelListSpec(resource("exit-addresses.txt"), null, IntelKind.TOR_EXIT, 80));

    assertThat(list.addresses()).isEqualTo(2);
    assertThat(list.problemCount()).isZero();
  }
}
