package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleLoader;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.testing.SharedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetectionEngineConcurrencyTest {

  @Test
  void one_engine_gives_the_same_matches_on_several_threads() throws Exception {
    List<SigmaRule> rules = RuleLoader.load(SharedCorpus.require("corpus/sigma/rules/rules"));
    DetectionEngine engine = DetectionEngine.compile(rules, Placeholders.none());
    List<Event> events = SharedCorpus.trailDiscoverEvents();
    List<List<SigmaRule>> expected = events.stream().map(engine::match).toList();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            4, r -> new Thread(r, "match-test-" + threadNumber.incrementAndGet()));
    try {
      List<Future<List<List<SigmaRule>>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> events.stream().map(engine::match).toList()));
      }
      for (Future<List<List<SigmaRule>>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
