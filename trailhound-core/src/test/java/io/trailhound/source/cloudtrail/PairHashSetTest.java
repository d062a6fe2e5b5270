package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairHashSetTest {

  @Test
  void agrees_with_a_java_set_through_growth_with_repeats_and_near_misses() {
    PairHashSet set = new PairHashSet();
    Set<List<Long>> reference = new HashSet<>();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300_000; i++) {
      // small ranges make repeats and pairs sharing one half common
      long h = random.nextInt(4) == 0 ? 0 : random.nextLong(50_000);
      long l = random.nextInt(4) == 0 ? 0 : random.nextLong(50_000);
      assertThat(set.add(h, l)).as("%d %d", h, l).isEqualTo(reference.add(List.of(h, l)));
    }
    assertThat(set.size()).isEqualTo(reference.size());
  }
}
