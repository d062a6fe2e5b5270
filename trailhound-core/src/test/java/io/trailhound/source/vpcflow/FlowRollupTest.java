package io.trailhound.source.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowRollupTest {

  private static FlowRecord parse(String line) throws FlowLineException {
    return new FlowLineParser(FlowFormat.DEFAULT).parse(line);
  }

  @Test
  void folds_one_minute_of_one_interface_remote_port_and_action_into_one_record() throws Exception {
    List<FlowRecord> out = new ArrayList<>();
    FlowRollup rollup = new FlowRollup(out::add);
    rollup.accept(
        parse("2 1 eni-1 203.0.113.9 10.0.1.5 40001 22 6 10 1000 1700000000 1700000010 ACCEPT OK"));
    rollup.accept(
        parse("2 1 eni-1 203.0.113.9 10.0.1.5 40002 22 6 12 1200 1700000030 1700000050 ACCEPT OK"));
    rollup.accept(
        parse("2 1 eni-1 203.0.113.9 10.0.1.5 40003 22 6 1 40 1700000040 1700000041 REJECT OK"));
    rollup.accept(
        parse("2 1 eni-1 203.0.113.9 10.0.1.5 40004 22 6 5 500 1700000070 1700000080 ACCEPT OK"));
    rollup.flush();
    assertThat(out).hasSize(3);
    FlowRecord first = out.stream().filter(r -> r.flows() == 2).findFirst().orElseThrow();
    assertThat(first.packets()).isEqualTo(22);
    assertThat(first.bytes()).isEqualTo(2200);
    assertThat(first.start()).isEqualTo(1700000000);
    assertThat(first.end()).isEqualTo(1700000050);
  }

  @Test
  void sampling_keeps_rejects_and_weights_the_accepted_flows_it_keeps() throws Exception {
    List<FlowRecord> out = new ArrayList<>();
    FlowSampler sampler = new FlowSampler(4, out::add);
    int rejects = 0;
    for (int i = 0; i < 400; i++) {
      String action = i % 2 == 0 ? "ACCEPT" : "REJECT";
      rejects += i % 2;
      sampler.accept(
          parse(
              "2 1 eni-1 203.0.113.9 10.0.1.5 "
                  + (40000 + i)
                  + " 22 6 10 1000 1700000000 1700000010 "
                  + action
                  + " OK"));
    }
    long kept =
        out.stream().filter(r -> r.action() == io.trailhound.event.net.FlowAction.ACCEPT).count();
    assertThat(
            out.stream()
                .filter(r -> r.action() == io.trailhound.event.net.FlowAction.REJECT)
                .count())
        .isEqualTo(rejects);
    assertThat(kept).isBetween(25L, 75L);
    assertThat(out)
        .filteredOn(r -> r.action() == io.trailhound.event.net.FlowAction.ACCEPT)
        .allSatisfy(r -> assertThat(r.flows()).isEqualTo(4));
  }
}
