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
    Random random = new Random(info.getCurrentRepetition());
    int max = 1 + random.nextInt(12);
    int samples = 1 + random.nextInt(12);
    EarliestViews kept = new EarliestViews(max, samples);
    List<EventView> offered = new ArrayList<>();
    for (int i = random.nextInt(80); i > 0; i--) {
      Instant time = Instant.ofEpochSecond(random.nextInt(20), random.nextInt(3) * 500_000_000L);
      EventView view =
          TestEvents.event("e" + random.nextInt(30), time.toString(), "arn:aws:iam::1:user/a", "X")
              .view();
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
  }
}
