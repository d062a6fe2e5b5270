package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time newline search finds the first newline of any range, as a plain loop does. */
class FramerNewlineTest {

  @Property(tries = 3000)
  void finds_the_first_newline(
      @ForAll("bytes") byte[] b, @ForAll("cut") int from, @ForAll("cut") int to) {
    int lo = Math.min(from, b.length);
    int hi = Math.max(lo, Math.min(to, b.length));
    int expected = -1;
    for (int i = lo; i < hi; i++) {
      if (b[i] == '\n') {
        expected = i;
        break;
      }
    }
    assertThat(Framer.indexOfNewline(b, lo, hi)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.bytes()),
            net.jqwik.api.Tuple.of(
                2, Arbitraries.of((byte) '\n', (byte) 0x0B, (byte) 0x09, (byte) 0x8A, (byte) 0)))
        .array(byte[].class)
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<Integer> cut() {
    return Arbitraries.integers().between(0, 40);
  }
}
