package io.trailhound.source.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.LogStatus;
import io.trailhound.source.SkipReason;
import org.junit.jupiter.api.Test;

class FlowLineParserTest {

  private static final String V5 =
      "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id"
          + " vpc-id subnet-id instance-id interface-id region az-id sublocation-type"
          + " sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service"
          + " pkt-dst-aws-service traffic-path flow-direction log-status";

  @Test
  void reads_every_field_of_a_default_version_2_record() throws Exception {
    FlowRecord r =
        new FlowLineParser(FlowFormat.DEFAULT)
            .parse(
                "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20"
                    + " 4249 1418530010 1418530070 ACCEPT OK");
    assertThat(r.version()).isEqualTo(2);
    assertThat(r.accountId()).isEqualTo("123456789010");
    assertThat(r.interfaceId()).isEqualTo("eni-1235b8ca123456789");
    assertThat(r.srcText()).isEqualTo("172.31.16.139");
    assertThat(r.dstText()).isEqualTo("172.31.16.21");
    assertThat(r.srcPort()).isEqualTo(20641);
    assertThat(r.dstPort()).isEqualTo(22);
    assertThat(r.protocol()).isEqualTo(6);
    assertThat(r.packets()).isEqualTo(20);
    assertThat(r.bytes()).isEqualTo(4249);
    assertThat(r.start()).isEqualTo(1418530010);
    assertThat(r.end()).isEqualTo(1418530070);
    assertThat(r.action()).isEqualTo(FlowAction.ACCEPT);
    assertThat(r.status()).isEqualTo(LogStatus.OK);
    assertThat(r.instanceId()).isNull();
  }

  @Test
  void reads_version_5_fields_by_the_header_order() throws Exception {
    FlowRecord r =
        new FlowLineParser(FlowFormat.of(V5))
            .parse(
                "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012"
                    + " vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b"
                    + " eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71"
                    + " 52.95.128.179 - S3 8 egress OK");
    assertThat(r.version()).isEqualTo(5);
    assertThat(r.instanceId()).isEqualTo("i-0c50d5961bcb2d47b");
    assertThat(r.region()).isEqualTo("ap-southeast-2");
    assertThat(r.tcpFlags()).isEqualTo(3);
    assertThat(r.pktDstService()).isEqualTo("S3");
    assertThat(r.pktSrcService()).isNull();
    assertThat(r.trafficPath()).isEqualTo(8);
    assertThat(r.direction()).isEqualTo(FlowDirection.EGRESS);
    assertThat(Addresses.format(r.pktDstAddr())).isEqualTo("52.95.128.179");
    assertThat(FlowFormat.of(V5).version()).isEqualTo(5);
  }

  @Test
  void keeps_ipv6_addresses_as_text_and_infers_direction_from_private_ranges() throws Exception {
    FlowRecord r =
        new FlowLineParser(FlowFormat.DEFAULT)
            .parse(
                "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105"
                    + " 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708"
                    + " 1477913820 ACCEPT OK");
    assertThat(r.srcAddr()).isEqualTo(Addresses.IPV6);
    assertThat(r.srcText()).isEqualTo("2001:db8:1234:a100:8d6e:3477:df66:f105");
    FlowRecord in =
        new FlowLineParser(FlowFormat.DEFAULT)
            .parse(
                "2 1 eni-1 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK");
    assertThat(in.resolvedDirection()).isEqualTo(FlowDirection.INGRESS);
  }

  @Test
  void reads_nodata_and_skipdata_records_with_dashes() throws Exception {
    FlowRecord r =
        new FlowLineParser(FlowFormat.DEFAULT)
            .parse(
                "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA");
    assertThat(r.status()).isEqualTo(LogStatus.SKIPDATA);
    assertThat(r.srcAddr()).isEqualTo(Addresses.NONE);
    assertThat(r.dstPort()).isEqualTo(-1);
    assertThat(r.action()).isEqualTo(FlowAction.NONE);
    assertThat(r.hasTraffic()).isFalse();
  }

  @Test
  void reads_a_format_string_as_create_flow_logs_takes_it() {
    FlowFormat f = FlowFormat.of("${version} ${vpc-id} ${subnet-id} ${instance-id} ${srcaddr}");
    assertThat(f.fields())
        .containsExactly(
            FlowField.VERSION,
            FlowField.VPC_ID,
            FlowField.SUBNET_ID,
            FlowField.INSTANCE_ID,
            FlowField.SRCADDR);
    assertThat(f.version()).isEqualTo(3);
  }

  @Test
  void names_the_field_of_a_bad_value_and_counts_fields_first() {
    FlowLineParser p = new FlowLineParser(FlowFormat.DEFAULT);
    assertThatThrownBy(
            () -> p.parse("2 1 eni-1 10.0.0.1 10.0.0.2 20641 ssh 6 20 4249 1 2 ACCEPT OK"))
        .isInstanceOfSatisfying(
            FlowLineException.class,
            e -> assertThat(e.reason()).isEqualTo(SkipReason.INVALID_VALUE))
        .hasMessage("dstport is not a number");
    assertThatThrownBy(
            () -> p.parse("3 vpc-1 subnet-1 i-1 10.0.0.1 10.0.0.2 1 2 6 20 4249 1 2 ACCEPT 2 OK"))
        .isInstanceOfSatisfying(
            FlowLineException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.FIELD_COUNT))
        .hasMessage("16 fields where the format names 14");
    assertThatThrownBy(() -> p.parse("2 1 eni-1 10.0.0.1 10.0.0.2 1 65536 6 20 4249 1 2 ACCEPT OK"))
        .hasMessage("dstport is out of range");
    assertThatThrownBy(() -> p.parse("2 1 eni-1 10.0.0.256 10.0.0.2 1 2 6 20 4249 1 2 ACCEPT OK"))
        .hasMessage("srcaddr is not an IP address");
  }

  @Test
  void tells_header_lines_from_records() {
    assertThat(FlowFormat.isHeader("version account-id interface-id srcaddr")).isTrue();
    assertThat(
            FlowFormat.isHeader("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr"))
        .isTrue();
    assertThat(FlowFormat.isHeader("2 123456789010 eni-1235b8ca123456789 - - - -")).isFalse();
    assertThat(FlowFormat.isHeader("hello world")).isFalse();
  }
}
