package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.testing.SharedCorpus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ScanStageTest {

  /** Remembers the ids of the events it saw. */
  private static final class CountingStage implements ScanStage {
    final Set<String> ids = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(Event event) {
      ids.add(event.id());
    }

    @Override
    public List<Finding> finish() {
      return List.of();
    }
  }

  @Test
  void every_delivered_event_reaches_each_stage_once_per_scan() {
    Path sweep = SharedCorpus.require("corpus/logs/cloudtrail/opensearch-audit-sweep");
    List<CountingStage> made = new java.util.ArrayList<>();
    ScanStage.Factory factory =
        () -> {
          CountingStage s = new CountingStage();
          made.add(s);
          return s;
        };
    ScanResult result =
        new ScanService(Clock.systemUTC())
            .scan(
                InputSpec.expand(List.of(sweep.resolve("events.jsonl").toString())),
                RuleCatalog.load(true, List.of(), Placeholders.none()),
                ScanOptions.defaults().withThreads(2).withStage(factory).withStage(factory));

    assertThat(made).hasSize(2);
    for (CountingStage s : made) {
      assertThat((long) s.ids.size()).isEqualTo(result.ingest().eventsDelivered());
    }
  }
}
