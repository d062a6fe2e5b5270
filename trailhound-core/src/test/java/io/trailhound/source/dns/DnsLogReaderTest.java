package io.trailhound.source.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.net.DnsQuery;
import io.trailhound.source.Skip;
import io.trailhound.source.SkipReason;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsLogReaderTest {

  private final SkipLog skips = new SkipLog(10);
  private final ReadCounts counts = new ReadCounts();

  private List<DnsQuery> read(String name) throws Exception {
    Path p = Path.of(getClass().getResource("/dns/" + name).toURI());
    List<DnsQuery> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(p)) {
      new DnsLogReader(skips, counts).read(name, in, out::add);
    }
    return out;
  }

  @Test
  void reads_the_documented_query_log_fields() throws Exception {
    List<DnsQuery> qs = read("query-log.jsonl");
    assertThat(qs).hasSize(2);
    DnsQuery q = qs.get(0);
    assertThat(q.time()).isEqualTo(Instant.parse("2021-02-04T17:51:55Z"));
    assertThat(q.queryName()).isEqualTo("example.com");
    assertThat(q.queryType()).isEqualTo("A");
    assertThat(q.rcode()).isEqualTo("NOERROR");
    assertThat(q.answers())
        .singleElement()
        .satisfies(a -> assertThat(a.rdata()).isEqualTo("203.0.113.55"));
    assertThat(q.srcPort()).isEqualTo(37236);
    assertThat(q.instanceId()).isEqualTo("i-0d15cd0d3EXAMPLE");
    assertThat(q.vpcId()).isEqualTo("vpc-0123456789abcdef0");
    DnsQuery blocked = qs.get(1);
    assertThat(blocked.queryName()).isEqualTo("blocked.example.net");
    assertThat(blocked.asker()).isEqualTo("rslvr-in-0123456789abcdef0");
    assertThat(blocked.firewallAction()).isEqualTo("BLOCK");
    assertThat(blocked.srcPort()).isEqualTo(37237);
  }

  @Test
  void counts_each_bad_line_with_its_reason_and_keeps_reading() throws Exception {
    read("query-log.jsonl");
    assertThat(skips.counts())
        .containsEntry(SkipReason.INVALID_JSON, 1L)
        .containsEntry(SkipReason.MISSING_FIELD, 1L)
        .containsEntry(SkipReason.INVALID_VALUE, 1L)
        .containsEntry(SkipReason.WRONG_TYPE, 1L);
    assertThat(skips.examples().get(SkipReason.MISSING_FIELD))
        .extracting(Skip::record, Skip::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "no query_name"));
  }

  @Test
  void reads_a_cloudwatch_export_whose_messages_are_the_queries() throws Exception {
    List<DnsQuery> qs = read("cloudwatch-export.json");
    assertThat(qs).extracting(DnsQuery::queryName).containsExactly("example.com");
    assertThat(skips.counts()).containsOnlyKeys(SkipReason.INVALID_JSON);
  }
}
