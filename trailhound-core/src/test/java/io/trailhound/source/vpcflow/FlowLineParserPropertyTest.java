package io.trailhound.source.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.net.FlowRecord;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FlowLineParserPropertyTest {

  @Property(tries = 2000)
  void any_bytes_are_a_record_or_a_reasoned_skip_never_a_crash(@ForAll byte[] line) {
    FlowLineParser p = new FlowLineParser(FlowFormat.DEFAULT);
    try {
      FlowRecord r = p.parse(line, 0, line.length);
      assertThat(r).isNotNull();
    } catch (FlowLineException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 500)
  void a_written_record_reads_back_field_for_field(@ForAll("records") long[] f) throws Exception {
    String src = ip(f[0]);
    String dst = ip(f[1]);
    String line =
        "2 123456789012 eni-0123456789abcdef0 "
            + src
            + " "
            + dst
            + " "
            + f[2]
            + " "
            + f[3]
            + " "
            + f[4]
            + " "
            + f[5]
            + " "
            + f[6]
            + " "
            + f[7]
            + " "
            + (f[7] + 60)
            + " "
            + (f[8] == 0 ? "ACCEPT" : "REJECT")
            + " OK";
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    FlowRecord r = new FlowLineParser(FlowFormat.DEFAULT).parse(bytes, 0, bytes.length);
    assertThat(r.srcText()).isEqualTo(src);
    assertThat(r.dstText()).isEqualTo(dst);
    assertThat(r.srcPort()).isEqualTo((int) f[2]);
    assertThat(r.dstPort()).isEqualTo((int) f[3]);
    assertThat(r.protocol()).isEqualTo((int) f[4]);
    assertThat(r.packets()).isEqualTo(f[5]);
    assertThat(r.bytes()).isEqualTo(f[6]);
    assertThat(r.start()).isEqualTo(f[7]);
  }

  @Provide
  Arbitrary<long[]> records() {
    Arbitrary<Long> ip = Arbitraries.longs().between(0, 0xFFFFFFFFL);
    Arbitrary<Long> port = Arbitraries.longs().between(0, 65535);
    Arbitrary<Long> proto = Arbitraries.longs().between(0, 255);
    Arbitrary<Long> count = Arbitraries.longs().between(0, Long.MAX_VALUE / 4);
    Arbitrary<Long> time = Arbitraries.longs().between(0, 4_000_000_000L);
    Arbitrary<Long> action = Arbitraries.longs().between(0, 1);
    return Combinators.combine(ip, ip, port, port, proto, count, count, time)
        .as((a, b, c, d, e, g, h, i) -> new long[] {a, b, c, d, e, g, h, i, 0})
        .flatMap(
            arr ->
                action.map(
                    x -> {
                      long[] copy = arr.clone();
                      copy[8] = x;
                      return copy;
                    }));
  }

  private static String ip(long v) {
    return ((v >>> 24) & 255)
        + "."
        + ((v >>> 16) & 255)
        + "."
        + ((v >>> 8) & 255)
        + "."
        + (v & 255);
  }
}
