package io.trailhound.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IpRangeIndexTest {

  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  @Test
  void finds_the_narrowest_of_nested_networks_in_both_families() {
    IpRangeIndex.Builder b = new IpRangeIndex.Builder();
    b.addCidr(ip("10.0.0.0"), 8, 1);
    b.addCidr(ip("10.1.0.0"), 16, 2);
    b.addCidr(ip("10.1.2.3"), 32, 3);
    b.addCidr(ip("2001:db8::"), 32, 4);
    b.addCidr(ip("2001:db8:1::"), 48, 5);
    b.addCidr(ip("0.0.0.0"), 0, 6);
    IpRangeIndex index = b.build();

    assertThat(index.lookup(ip("10.1.2.3"))).isEqualTo(3);
    assertThat(index.lookup(ip("10.1.2.4"))).isEqualTo(2);
    assertThat(index.lookup(ip("10.2.0.0"))).isEqualTo(1);
    assertThat(index.lookup(ip("11.0.0.0"))).isEqualTo(6);
    assertThat(index.lookup(ip("2001:db8:1::ff"))).isEqualTo(5);
    assertThat(index.lookup(ip("2001:db8:2::"))).isEqualTo(4);
    assertThat(index.lookup(ip("2001:db9::"))).isEqualTo(IpRangeIndex.NONE);
    assertThat(index.overlapping()).isEqualTo(4);
  }

  @Test
  void reversed_or_mixed_family_bounds_are_refused() {
    IpRangeIndex.Builder b = new IpRangeIndex.Builder();
    assertThat(b.add(ip("10.0.0.9"), ip("10.0.0.1"), 1)).isFalse();
    assertThat(b.add(ip("10.0.0.1"), ip("::1"), 1)).isFalse();
    assertThat(b.addCidr(ip("10.0.0.0"), 33, 1)).isFalse();
    assertThat(b.size()).isZero();
  }

  /** Ranges inside 0..4095 so that random addresses often hit them. */
  @Property(tries = 200)
  void the_answer_is_the_latest_starting_range_that_holds_the_address(
      @ForAll @Size(max = 40) List<@IntRange(max = 4095) Integer> starts,
      @ForAll @Size(max = 40) List<@IntRange(max = 300) Integer> widths,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(max = 4400) Integer> probes) {
    IpRangeIndex.Builder b = new IpRangeIndex.Builder();
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), widths.size()); i++) {
      long s = starts.get(i);
      long e = s + widths.get(i);
      b.add(new IpAddress(false, 0, s), new IpAddress(false, 0, e), i);
      ranges.add(new long[] {s, e, i});
    }
    IpRangeIndex index = b.build();
    for (int p : probes) {
      long best = -1;
      long bestStart = -1;
      long bestEnd = Long.MAX_VALUE;
      for (long[] r : ranges) {
        boolean holds = r[0] <= p && p <= r[1];
        boolean better = r[0] > bestStart || (r[0] == bestStart && r[1] < bestEnd);
        if (holds && better) {
          best = r[2];
          bestStart = r[0];
          bestEnd = r[1];
        }
      }
      int got = index.lookup(new IpAddress(false, 0, p));
      if (best < 0) {
        assertThat(got).isEqualTo(IpRangeIndex.NONE);
      } else {
        long[] r = ranges.get(got);
        assertThat(r[0]).as("start of the answer for %d", p).isEqualTo(bestStart);
        assertThat(r[1]).as("end of the answer for %d", p).isEqualTo(bestEnd);
      }
    }
  }
}
