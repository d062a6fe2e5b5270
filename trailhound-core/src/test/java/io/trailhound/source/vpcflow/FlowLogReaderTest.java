package io.trailhound.source.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.LogStatus;
import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import io.trailhound.testing.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlowLogReaderTest {

  private static final String EXAMPLES = "corpus/formats-examples/vpc_flow_logs/";
  private static final Map<String, String> HEADERS =
      Map.of(
          "block08", "block07",
          "block09", "block07",
          "block10", "block07",
          "block17", "block16",
          "block18", "block16",
          "block19", "block16",
          "block21", "block20");

  @Test
  void reads_every_record_of_the_public_flow_log_corpus_without_a_skip() throws Exception {
    Path dir = SharedCorpus.require("corpus/logs/vpcflow");
    FlowReading cribl = FlowReading.of(dir.resolve("cribl-v2-with-header.log"), null);
    assertThat(cribl.skips.total()).isZero();
    assertThat(cribl.records).hasSize(99);
    assertThat(cribl.records.get(0).srcText()).isEqualTo("89.248.165.164");
    FlowReading scan = FlowReading.of(dir.resolve("opensearch-v2-scan.log"), null);
    assertThat(scan.skips.total()).isZero();
    assertThat(scan.records).hasSize(22).allMatch(r -> r.version() == 2);
  }

  @Test
  void reads_every_record_example_of_the_aws_documentation_with_its_header() throws Exception {
    Path dir = SharedCorpus.require(EXAMPLES);
    List<Path> texts;
    try (Stream<Path> s = Files.list(dir)) {
      texts =
          s.filter(p -> p.getFileName().toString().startsWith("flow-logs-records-examples"))
              .sorted()
              .toList();
    }
    int records = 0;
    for (Path file : texts) {
      String block = file.getFileName().toString().replaceAll(".*__(block\\d+)\\.txt", "$1");
      byte[] bytes = Files.readAllBytes(file);
      if (HEADERS.containsKey(block)) {
        byte[] header =
            Files.readAllBytes(
                dir.resolve("flow-logs-records-examples__" + HEADERS.get(block) + ".txt"));
        bytes = concat(header, bytes);
      }
      FlowReading r = FlowReading.of(file.toString(), bytes, null);
      // The documentation elides lines with "..." (block 17); nothing else may be skipped.
      assertThat(r.skips.counts().keySet()).as(file.toString()).isSubsetOf(SkipReason.FIELD_COUNT);
      assertThat(r.skips.total())
          .as(file.toString())
          .isLessThanOrEqualTo(block.equals("block17") ? 1 : 0);
      records += r.records.size();
    }
    assertThat(records).isEqualTo(21);
  }

  @Test
  void reads_the_format_string_of_a_documented_create_flow_logs_command() throws Exception {
    String cli =
        Files.readString(
            SharedCorpus.require(EXAMPLES + "flow-logs-s3__block10.txt"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("--log-format '([^']+)'").matcher(cli);
    assertThat(m.find()).isTrue();
    FlowFormat f = FlowFormat.of(m.group(1));
    assertThat(f.size()).isEqualTo(13);
    assertThat(f.fields()).doesNotContain(FlowField.OTHER);
    assertThat(f.version()).isEqualTo(3);
  }

  @Test
  void counts_each_bad_line_with_its_reason_and_line_and_keeps_the_good_ones() {
    FlowReading r = FlowReading.of(FlowReading.resource("hostile.log"), null);
    assertThat(r.records).hasSize(3);
    assertThat(r.records.get(1).srcText()).isEqualTo("2001:db8:1234:a100:8d6e:3477:df66:f105");
    assertThat(r.records.get(2).dstPort()).isEqualTo(3389);
    assertThat(r.skips.counts())
        .containsEntry(SkipReason.INVALID_VALUE, 5L)
        .containsEntry(SkipReason.FIELD_COUNT, 2L);
    assertThat(r.skips.examples().get(SkipReason.INVALID_VALUE))
        .extracting(Skip::record, Skip::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple(3L, "dstport is not a number"),
            org.assertj.core.groups.Tuple.tuple(6L, "dstport is out of range"),
            org.assertj.core.groups.Tuple.tuple(7L, "action is neither ACCEPT nor REJECT"));
  }

  @Test
  void binary_garbage_between_records_is_one_skip() {
    FlowReading r = FlowReading.of(FlowReading.resource("binary-garbage.log"), null);
    assertThat(r.records).hasSize(2);
    assertThat(r.records.get(1).status()).isEqualTo(LogStatus.NODATA);
    assertThat(r.counts.noData.sum()).isEqualTo(1);
    assertThat(r.skips.counts()).containsOnlyKeys(SkipReason.FIELD_COUNT);
  }

  @Test
  void reads_cloudwatch_export_messages_and_skips_the_bad_one() {
    FlowReading r = FlowReading.of(FlowReading.resource("cloudwatch-export.json"), null);
    assertThat(r.records).extracting(FlowRecord::dstPort).containsExactly(22, 3389);
    assertThat(r.skips.examples().get(SkipReason.INVALID_VALUE))
        .singleElement()
        .satisfies(s -> assertThat(s.record()).isEqualTo(2));
  }

  @Test
  void reads_a_subscription_filter_payload_with_the_format_the_user_gives() {
    FlowFormat v5 =
        FlowFormat.of(
            "${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end}"
                + " ${type} ${packets} ${bytes} ${account-id} ${vpc-id} ${subnet-id} ${instance-id}"
                + " ${interface-id} ${region} ${az-id} ${sublocation-type} ${sublocation-id}"
                + " ${action} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service}"
                + " ${pkt-dst-aws-service} ${traffic-path} ${flow-direction} ${log-status}");
    FlowReading r = FlowReading.of(FlowReading.resource("subscription-filter.json"), v5);
    assertThat(r.skips.total()).isZero();
    assertThat(r.records)
        .extracting(FlowRecord::direction)
        .containsExactly(FlowDirection.INGRESS, FlowDirection.EGRESS);
    FlowReading without = FlowReading.of(FlowReading.resource("subscription-filter.json"), null);
    assertThat(without.records).isEmpty();
    assertThat(without.skips.examples().get(SkipReason.FIELD_COUNT).get(0).detail())
        .contains("give the format with --flow-format");
  }

  @Test
  void reads_gzipped_s3_delivery_and_keeps_the_lines_before_a_truncation() throws Exception {
    Path gz =
        FlowReading.resource(
            "s3/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/01/02/"
                + "123456789012_vpcflowlogs_eu-west-1_fl-0abc1234def567890_20240102T0000Z_1a2b3c4d.log.gz");
    FlowReading whole = FlowReading.of(gz, null);
    assertThat(whole.records).hasSize(500);
    assertThat(whole.skips.total()).isZero();
    byte[] bytes = Files.readAllBytes(gz);
    FlowReading cut =
        FlowReading.of("cut.log.gz", Arrays.copyOf(bytes, bytes.length * 2 / 3), null);
    assertThat(cut.records.size()).isBetween(1, 499);
    assertThat(cut.skips.counts()).containsOnlyKeys(SkipReason.TRUNCATED);
  }

  @Test
  void a_line_longer_than_the_limit_is_skipped_and_the_next_one_read() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("x".repeat(FlowLogReader.MAX_LINE + 10) + "\n").getBytes(StandardCharsets.US_ASCII));
    out.write(Files.readAllBytes(FlowReading.resource("binary-garbage.log")));
    FlowReading r = FlowReading.of("long.log", out.toByteArray(), null);
    assertThat(r.skips.counts()).containsEntry(SkipReason.TOO_LARGE, 1L);
    assertThat(r.records).hasSize(2);
  }

  @Test
  void gzip_that_is_not_gzip_after_the_magic_is_a_corrupt_gzip_skip() {
    byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    FlowReading r = FlowReading.of("bad.gz", bad, null);
    assertThat(r.skips.counts().keySet())
        .containsAnyOf(SkipReason.CORRUPT_GZIP, SkipReason.TRUNCATED);
    assertThat(r.records).isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a);
    if (a.length > 0 && a[a.length - 1] != '\n') {
      out.write('\n');
    }
    out.write(b);
    return out.toByteArray();
  }
}
