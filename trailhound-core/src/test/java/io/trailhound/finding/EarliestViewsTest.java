package io.trailhound.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.EventView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The evidence set keeps what a sorted set of the earliest distinct events would keep. */
class EarliestViewsTest {

  @RepeatedTest(50)
  void keeps_the_earliest_distinct_events_whatever_the_order(RepetitionInfo info) {
    keepsTheEarliest(info.getCurrentRepetition(), random -> "e" + random.nextInt(30));
  }

  /** Canonical UUIDs are kept packed; the order and the ids given back must not change. */
  @RepeatedTest(50)
  void keeps_uuid_ids_and_others_in_string_order(RepetitionInfo info) {
    String[] ids = {
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "7fffffff-ffff-ffff-8000-000000000000",
      "80000000-0000-0000-7fff-ffffffffffff",
      "bcd4dd25-43bf-3fd8-813d-de282518d4d5",
      "bcd4dd25-43bf-3fd8-813d-de282518d4d6",
      "bcd4dd25-43bf-3fd9-013d-de282518d4d5",
      "BCD4DD25-43BF-3FD8-813D-DE282518D4D5",
      "bcd4dd25-43bf-3fd8-813d-de282518d4d",
      "bcd4dd25-43bf-3fd8-813d-de282518d4d5x",
      "bcd4dd2543bf3fd8813dde282518d4d5aaaa",
      "bcd4dd25-43bf-3fd8-813d-de282518d4g5",
      "bcd4dd25",
      "e1"
    };
    keepsTheEarliest(1000 + info.getCurrentRepetition(), random -> ids[random.nextInt(ids.length)]);
  }

  private static void keepsTheEarliest(long seed, java.util.function.Function<Random, String> ids) {
    Random random = new Random(seed);
    int max = 1 + random.nextInt(12);
    int samples = 1 + random.nextInt(12);
    EarliestViews kept = new EarliestViews(max, samples);
    List<EventView> offered = new ArrayList<>();
    for (int i = random.nextInt(80); i > 0; i--) {
      Instant time = Instant.ofEpochSecond(random.nextInt(20), random.nextInt(3) * 500_000_000L);
      EventView view =
          TestEvents.event(ids.apply(random), time.toString(), "arn:aws:iam::1:user/a", "X").view();
      offered.add(view);
      kept.offer(view);
    }
    Comparator<EventView> order =
        Comparator.comparing(EventView::time).thenComparing(EventView::eventId);
    List<EventView> expected =
        offered.stream()
            .collect(Collectors.toCollection(() -> new java.util.TreeSet<>(order)))
            .stream()
            .limit(max)
            .toList();
    assertThat(kept.ids())
        .containsExactlyElementsOf(expected.stream().map(EventView::eventId).toList());
    assertThat(kept.samples()).containsExactlyElementsOf(expected.stream().limit(samples).toList());

    // What two threads kept of the same events, merged, is what one kept.
    EarliestViews one = new EarliestViews(max, samples);
    EarliestViews other = new EarliestViews(max, samples);
    offered.forEach(v -> (random.nextBoolean() ? one : other).offer(v));
    List<String> oneBefore = one.ids();
    EarliestViews merged = one.copy();
    merged.offerAll(other);
    assertThat(merged.ids()).isEqualTo(kept.ids());
    assertThat(merged.samples()).isEqualTo(kept.samples());
    assertThat(one.ids()).isEqualTo(oneBefore);
  }
}
