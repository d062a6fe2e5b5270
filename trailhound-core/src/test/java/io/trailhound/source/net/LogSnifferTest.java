package io.trailhound.source.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.source.Input;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogSnifferTest {

  private static LogKind of(String resource) throws Exception {
    Path p = Path.of(LogSnifferTest.class.getResource(resource).toURI());
    return LogSniffer.detect(Input.file(p, Files.size(p)));
  }

  @Test
  void tells_flow_logs_resolver_logs_and_cloudtrail_apart_by_content() throws Exception {
    assertThat(of("/vpcflow/hostile.log")).isEqualTo(LogKind.VPC_FLOW);
    assertThat(of("/vpcflow/binary-garbage.log")).isEqualTo(LogKind.VPC_FLOW);
    assertThat(of("/vpcflow/cloudwatch-export.json")).isEqualTo(LogKind.VPC_FLOW);
    assertThat(of("/vpcflow/subscription-filter.json")).isEqualTo(LogKind.VPC_FLOW);
    assertThat(
            of(
                "/vpcflow/s3/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/01/02/"
                    + "123456789012_vpcflowlogs_eu-west-1_fl-0abc1234def567890_20240102T0000Z_1a2b3c4d.log.gz"))
        .isEqualTo(LogKind.VPC_FLOW);
    assertThat(of("/dns/query-log.jsonl")).isEqualTo(LogKind.DNS);
    assertThat(of("/dns/cloudwatch-export.json")).isEqualTo(LogKind.DNS);
  }

  @Test
  void leaves_cloudtrail_and_anything_unknown_to_the_cloudtrail_reader() {
    assertThat(LogSniffer.detect(bytes("{\"Records\":[{\"eventVersion\":\"1.08\"}]}")))
        .isEqualTo(LogKind.CLOUDTRAIL);
    assertThat(
            LogSniffer.detect(
                bytes("{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\"}\n")))
        .isEqualTo(LogKind.CLOUDTRAIL);
    assertThat(LogSniffer.detect(bytes("hello world\n"))).isEqualTo(LogKind.CLOUDTRAIL);
    assertThat(LogSniffer.detect(bytes(""))).isEqualTo(LogKind.CLOUDTRAIL);
    assertThat(LogSniffer.detect(Input.stdin())).isEqualTo(LogKind.CLOUDTRAIL);
  }

  @Test
  void a_parquet_file_goes_to_the_flow_reader_whatever_its_name() {
    byte[] head = new byte[] {'P', 'A', 'R', '1', 0x15, 0x04, 0x15, (byte) 0x80};
    assertThat(LogSniffer.isParquet(head)).isTrue();
    assertThat(LogSniffer.detect(head)).isEqualTo(LogKind.VPC_FLOW);
    assertThat(LogSniffer.isParquet(bytes("PAR"))).isFalse();
    assertThat(LogSniffer.detect(bytes("PARIS is a city\n"))).isEqualTo(LogKind.CLOUDTRAIL);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
