package io.trailhound.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailhound.event.net.FlowRecord;
import io.trailhound.finding.Finding;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.NetworkScan;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.source.SkipReason;
import io.trailhound.source.net.NetworkIngest;
import io.trailhound.source.net.NetworkOptions;
import io.trailhound.source.net.NetworkReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VPC Flow Logs delivered as Parquet ({@code FileFormat=parquet}) read like their text form. */
class ParquetFlowLogTest {

  private static final NetworkOptions TEXT_ONLY = new NetworkOptions(null, false, 1, 1);
  private static final NetworkOptions WITH_PARQUET = TEXT_ONLY.withParquet(new DuckDbFlowReader());

  @TempDir Path dir;

  @Test
  void a_corpus_flow_log_delivered_as_parquet_yields_the_same_records_as_its_text_form()
      throws Exception {
    Path text = corpus("corpus/logs/vpcflow/cribl-v2-with-header.log");
    Path parquet = toParquet(text, dir.resolve("cribl.log.parquet"));

    List<FlowRecord> fromText = new ArrayList<>();
    NetworkReport textReport = read(List.of(text), TEXT_ONLY, fromText);
    List<FlowRecord> fromParquet = new ArrayList<>();
    NetworkReport parquetReport = read(List.of(parquet), WITH_PARQUET, fromParquet);

    assertThat(textReport.flowRecords()).isEqualTo(99);
    assertThat(parquetReport.skips()).isEmpty();
    assertThat(parquetReport.flowFiles()).isEqualTo(1);
    assertThat(parquetReport.flowLines()).isEqualTo(textReport.flowLines());
    assertThat(fromParquet).containsExactlyElementsOf(fromText);
  }

  @Test
  void a_port_scan_delivered_as_parquet_in_hive_partitions_raises_the_same_finding()
      throws Exception {
    Path text = resource("vpcflow/vertical-scan.log");
    Path hive =
        dir.resolve(
            "AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=us-east-1"
                + "/year=2023/month=11/day=14/hour=22");
    Files.createDirectories(hive);
    Path parquet = toParquet(text, hive.resolve("111122223333_vpcflowlogs_scan.log.parquet"));

    ScanResult fromText = scan(text, TEXT_ONLY);
    ScanResult fromParquet = scan(dir.resolve("AWSLogs"), WITH_PARQUET);

    assertThat(fromParquet.network().flowFiles()).isEqualTo(1);
    assertThat(fromParquet.network().skips()).isEmpty();
    assertThat(fromParquet.ingest().filesRead()).isZero();
    assertThat(fromText.findings()).extracting(f -> f.rule().types()).isNotEmpty();
    assertThat(summary(fromParquet.findings())).isEqualTo(summary(fromText.findings()));
    assertThat(parquet).exists();
  }

  @Test
  void a_truncated_parquet_file_is_a_counted_skip_and_the_other_files_are_read() throws Exception {
    Path text = resource("vpcflow/vertical-scan.log");
    Path good = toParquet(text, dir.resolve("good.log.parquet"));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.log.parquet");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    List<FlowRecord> records = new ArrayList<>();
    NetworkReport r = read(List.of(cut, good), WITH_PARQUET, records);

    assertThat(r.skips()).containsOnlyKeys(SkipReason.UNREADABLE);
    assertThat(r.skips().get(SkipReason.UNREADABLE)).isEqualTo(1);
    assertThat(r.examples().get(SkipReason.UNREADABLE).get(0).location())
        .endsWith("cut.log.parquet");
    assertThat(records).hasSize(Files.readAllLines(text, StandardCharsets.UTF_8).size() - 1);
  }

  @Test
  void without_the_duckdb_reader_a_parquet_file_is_a_counted_skip_saying_so() throws Exception {
    Path parquet = toParquet(resource("vpcflow/vertical-scan.log"), dir.resolve("a.log.parquet"));

    List<FlowRecord> records = new ArrayList<>();
    NetworkReport r = read(List.of(parquet), TEXT_ONLY, records);

    assertThat(records).isEmpty();
    assertThat(r.skips()).containsEntry(SkipReason.UNKNOWN_FORMAT, 1L);
    assertThat(r.examples().get(SkipReason.UNKNOWN_FORMAT).get(0).detail())
        .isEqualTo("Parquet needs the DuckDB reader");
  }

  private static NetworkReport read(
      List<Path> files, NetworkOptions options, List<FlowRecord> into) {
    List<FlowRecord> sink = Collections.synchronizedList(into);
    return NetworkIngest.run(
        InputSpec.expand(files.stream().map(Path::toString).toList()).inputs(),
        List.of(),
        options,
        sink::add,
        q -> {});
  }

  private static ScanResult scan(Path path, NetworkOptions options) {
    return new ScanService(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .scan(
            InputSpec.expand(List.of(path.toString())),
            RuleCatalog.load(false, List.of(), Placeholders.none()),
            ScanOptions.defaults().withThreads(1),
            NetworkScan.defaults().withOptions(options));
  }

  /** What a user sees of each finding: rule, types, severity, count, actor and explanation. */
  private static String summary(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                String.join(
                    " | ",
                    f.rule().ruleId(),
                    String.valueOf(f.rule().types()),
                    f.severity().label(),
                    String.valueOf(f.eventCount()),
                    f.actor(),
                    f.explanation()))
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  /**
   * Writes the rows of a text flow log with a header line as Parquet delivery does: one column per
   * field, named with underscores, numbers typed as numbers.
   */
  private static Path toParquet(Path text, Path target) throws IOException, SQLException {
    String header = Files.readAllLines(text, StandardCharsets.UTF_8).get(0);
    String columns =
        java.util.Arrays.stream(header.strip().split(" "))
            .map(n -> "\"" + n + "\" AS \"" + n.replace('-', '_') + "\"")
            .collect(Collectors.joining(", "));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT "
              + columns
              + " FROM read_csv("
              + literal(text)
              + ", delim = ' ', header = true, nullstr = '-')) TO "
              + literal(target)
              + " (FORMAT PARQUET)");
    }
    return target;
  }

  private static String literal(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }

  private static Path corpus(String relative) {
    String shared = System.getProperty("trailhound.shared");
    assumeTrue(shared != null, "trailhound.shared is not set; skipping corpus test");
    Path path = Path.of(shared).resolve(relative);
    assumeTrue(Files.exists(path), "shared corpus " + path + " is absent; skipping corpus test");
    return path;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ParquetFlowLogTest.class.getResource("/" + name).toURI());
  }
}
