package io.trailhound.detect.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The distinct counter behind the network explanations' numbers. */
class DistinctTest {

  @Test
  void is_exact_up_to_its_exact_limit() {
    Distinct d = new Distinct();
    for (int i = 0; i < Distinct.EXACT; i++) {
      d.add(i);
      d.add(i);
    }

    assertThat(d.estimate()).isEqualTo(Distinct.EXACT);
    assertThat(d.text()).isEqualTo(Integer.toString(Distinct.EXACT));
  }

  @Test
  void the_estimate_past_the_exact_limit_does_not_depend_on_the_order_values_came_in() {
    List<Long> values = new ArrayList<>();
    for (long v = 0; v < 5_000; v++) {
      values.add(v * 7919 + 13);
    }
    Distinct forwards = new Distinct();
    values.forEach(forwards::add);
    List<Long> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, new Random(42));
    Distinct shuffledOrder = new Distinct();
    shuffled.forEach(shuffledOrder::add);

    assertThat(shuffledOrder.text()).isEqualTo(forwards.text()).startsWith("~");
    assertThat(forwards.estimate()).isBetween(4_800L, 5_200L);
  }
}
