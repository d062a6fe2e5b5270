package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.SigmaRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's single-event view, the spine the benchmark measures stateful detection against.
 */
class RuleCatalogTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load(true, List.of(), Placeholders.none());

  @Test
  void the_single_event_catalogue_drops_correlations_and_the_building_blocks_only_they_report() {
    RuleCatalog spine = CATALOG.singleEvent();
    List<String> names = spine.rules().stream().map(SigmaRule::fileName).toList();

    assertThat(spine.correlations()).isEmpty();
    assertThat(names)
        .contains("th-cloudtrail-logging-stopped")
        .doesNotContain("th-chain-iam-discovery-call", "th-chain-s3-object-read");
    assertThat(spine.rules().size())
        .isEqualTo(
            CATALOG.rules().size() - CATALOG.newCorrelationEngine().suppressedRules().size());
  }
}
