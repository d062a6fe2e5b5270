package io.trailhound.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * CloudTrail delivers events out of order and files in any order: results must not depend on it.
 */
class ArrivalOrderTest {

  private static final Scenario RULES = Scenario.of("rules.yml");
  private static final Scenario CHAIN = Scenario.of("chain.yml");
  private static final List<Event> ALL =
      Scenario.events(
          "count.jsonl", "values.jsonl", "temporal.jsonl", "ordered.jsonl", "lateness.jsonl");
  private static final List<Event> CHAIN_EVENTS = Scenario.events("chain.jsonl", "count.jsonl");

  @Test
  void shuffled_events_give_identical_results() {
    List<String> expected = describe(RULES.run(ALL));
    assertThat(expected).hasSizeGreaterThan(8);
    for (long seed = 1; seed <= 25; seed++) {
      List<Event> shuffled = new ArrayList<>(ALL);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(describe(RULES.run(shuffled))).as("seed " + seed).isEqualTo(expected);
    }
  }

  @Test
  void reversed_and_shuffled_files_give_identical_chain_results() {
    List<String> expected = describe(CHAIN.run(CHAIN_EVENTS));
    assertThat(expected).isNotEmpty();
    List<Event> reversed = new ArrayList<>(CHAIN_EVENTS);
    Collections.reverse(reversed);
    assertThat(describe(CHAIN.run(reversed))).isEqualTo(expected);
    for (long seed = 1; seed <= 25; seed++) {
      List<Event> shuffled = new ArrayList<>(CHAIN_EVENTS);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(describe(CHAIN.run(shuffled))).as("seed " + seed).isEqualTo(expected);
    }
  }

  @Test
  void concurrent_offers_from_several_threads_give_identical_results() throws Exception {
    List<String> expected = describe(RULES.run(ALL));
    AtomicInteger n = new AtomicInteger();
    ThreadFactory named =
        r -> {
          Thread t = new Thread(r, "correlation-test-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ExecutorService pool = Executors.newFixedThreadPool(4, named);
    try {
      for (long seed = 1; seed <= 5; seed++) {
        List<Event> shuffled = new ArrayList<>(ALL);
        Collections.shuffle(shuffled, new Random(seed));
        CorrelationEngine engine = RULES.engine(CorrelationOptions.defaults());
        List<Future<?>> parts = new ArrayList<>();
        int quarter = (shuffled.size() + 3) / 4;
        for (int i = 0; i < shuffled.size(); i += quarter) {
          List<Event> part = shuffled.subList(i, Math.min(shuffled.size(), i + quarter));
          parts.add(pool.submit(() -> RULES.feed(engine, part)));
        }
        for (Future<?> f : parts) {
          f.get();
        }
        assertThat(describe(engine.finish())).as("seed " + seed).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void capped_groups_keep_the_same_earliest_records_whatever_the_order() {
    CorrelationOptions capped = CorrelationOptions.defaults().withMaxRecordsPerGroup(2);
    List<Event> count = Scenario.events("count.jsonl");
    List<String> expected = describe(RULES.run(count, capped));
    CorrelationEngine engine = RULES.engine(capped);
    List<Event> reversed = new ArrayList<>(count);
    Collections.reverse(reversed);
    RULES.feed(engine, reversed);
    assertThat(describe(engine.finish())).isEqualTo(expected).isEmpty();
    // u1, u3 and u4 lose one record each in count_a, abc_any_order and a_then_b
    assertThat(engine.stats().truncatedRecords()).isEqualTo(9);
  }

  private static List<String> describe(List<CorrelationResult> results) {
    return results.stream()
        .map(
            r ->
                r.rule().name()
                    + " "
                    + r.groups()
                    + " "
                    + r.windowStart()
                    + " "
                    + r.aggregate()
                    + " "
                    + r.eventCount()
                    + " "
                    + r.eventIds())
        .toList();
  }
}
