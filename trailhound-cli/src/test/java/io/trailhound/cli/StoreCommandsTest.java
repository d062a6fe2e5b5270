package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --store}, {@code query} and {@code store export|retain} as a user runs them. */
class StoreCommandsTest {

  private static final Path LOGS = Path.of("../examples/logs");
  private static final Path RESOURCES = Path.of("src/test/resources/cli");

  @TempDir Path tmp;

  private Path store() {
    return tmp.resolve("trail.duckdb");
  }

  private Cli scanInto(String... inputs) {
    String[] args = new String[inputs.length + 4];
    args[0] = "scan";
    args[1] = "--no-progress";
    args[2] = "--store";
    args[3] = store().toString();
    System.arraycopy(inputs, 0, args, 4, inputs.length);
    return Cli.run(args);
  }

  private Cli query(String sql, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "query";
    args[1] = sql;
    args[2] = "--store";
    args[3] = store().toString();
    System.arraycopy(options, 0, args, 4, options.length);
    return Cli.run(args);
  }

  @Test
  void store_bench_measures_an_existing_store_and_investigates_its_findings() {
    assertThat(scanInto(LOGS.toString()).code()).isZero();

    Cli bench =
        Cli.run(
            "store",
            "bench",
            "--store",
            store().toString(),
            "--samples",
            "3",
            "--investigations",
            "4");

    assertThat(bench.code()).as(bench.err()).isZero();
    assertThat(bench.out())
        .contains("store " + store() + ": 536 events")
        .containsPattern("access key +all time +3 ")
        .contains("investigations over the store: 4 of 16 findings: p50 ");
  }

  @Test
  void a_second_scan_of_the_same_logs_stores_no_event_twice() {
    Cli first = scanInto(LOGS.toString());
    assertThat(first.code()).isZero();
    assertThat(first.err()).contains("stored 536 events (0 already in the store) and 16 findings");

    Cli second = scanInto(LOGS.toString());
    assertThat(second.code()).isZero();
    assertThat(second.err()).contains("stored 0 events (536 already in the store) and 16 findings");

    Cli counts =
        query(
            "SELECT (SELECT count(*) FROM events) AS events,"
                + " (SELECT count(DISTINCT event_id) FROM events) AS ids,"
                + " (SELECT count(*) FROM findings) AS findings,"
                + " (SELECT count(*) FROM scans) AS scans",
            "--output",
            "csv");
    assertThat(counts.out()).isEqualTo("events,ids,findings,scans\r\n536,536,16,2\r\n");
  }

  @Test
  void stored_findings_keep_their_evidence_and_explanation_columns() {
    scanInto(LOGS.toString());
    Cli run =
        query(
            "SELECT rule_name, severity, event_count, len(evidence) AS evidence"
                + " FROM findings WHERE rule_name = 'th-cloudtrail-logging-stopped'",
            "--output",
            "json");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "{\"rule_name\":\"th-cloudtrail-logging-stopped\",\"severity\":\"high\","
                + "\"event_count\":1,\"evidence\":1}\n");
  }

  @Test
  void the_table_escapes_log_text_in_every_cell() {
    scanInto(RESOURCES.resolve("hostile-actor.json").toString());
    Cli run = query("SELECT actor_arn, user_agent, raw FROM events");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("\\u001b[2J").contains("\\u202e").contains("(1 row)");
    assertThat(run.out())
        .doesNotContain("\u001b")
        .doesNotContain("\u202e")
        .doesNotContain("\u0007");
  }

  @Test
  void csv_cells_that_a_spreadsheet_would_run_are_neutralised() throws Exception {
    scanInto(RESOURCES.resolve("store/spreadsheet-formulas.json").toString());
    Cli run =
        query(
            "SELECT user_agent, session_name, source_identity, source_ip, -3 AS delta FROM events",
            "--output",
            "csv");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .isEqualTo(
            Files.readString(
                RESOURCES.resolve("store/spreadsheet-formulas.expected.csv"),
                java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void json_output_keeps_numbers_booleans_nulls_and_utc_times() throws Exception {
    scanInto(RESOURCES.resolve("store/spreadsheet-formulas.json").toString());
    Cli run =
        query(
            "SELECT event_name, event_time, read_only, error_code, 2 + 2 AS four FROM events",
            "--output",
            "json");
    JsonNode row = new ObjectMapper().readTree(run.out());
    assertThat(row.get("event_name").asText()).isEqualTo("ListBuckets");
    assertThat(row.get("event_time").asText()).isEqualTo("2026-11-21T08:30:00Z");
    assertThat(row.get("read_only").isBoolean()).isTrue();
    assertThat(row.get("error_code").isNull()).isTrue();
    assertThat(row.get("four").isIntegralNumber()).isTrue();
  }

  @Test
  void bad_sql_is_a_usage_error_with_duckdbs_message_and_no_stack_trace() {
    scanInto(LOGS.toString());
    Cli run = query("SELECT evnt_name FROM events");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("trailhound: ").contains("evnt_name").contains("event_name");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void queries_cannot_change_the_store_or_touch_files() {
    scanInto(LOGS.toString());
    Cli delete = query("DELETE FROM events");
    assertThat(delete.code()).isEqualTo(2);
    assertThat(delete.err()).contains("read-only");
    Cli copy = query("COPY events TO '" + tmp.resolve("out.csv") + "'");
    assertThat(copy.code()).isEqualTo(2);
    assertThat(tmp.resolve("out.csv")).doesNotExist();
    assertThat(query("SELECT count(*) AS n FROM events", "--output", "csv").out())
        .isEqualTo("n\r\n536\r\n");
  }

  @Test
  void a_file_that_is_not_a_store_is_refused_and_left_untouched() throws Exception {
    Path garbage = tmp.resolve("garbage.duckdb");
    Files.copy(RESOURCES.resolve("garbage.log"), garbage);
    byte[] before = Files.readAllBytes(garbage);

    Cli query = Cli.run("query", "SELECT 1", "--store", garbage.toString());
    Cli scan = Cli.run("scan", "--store", garbage.toString(), LOGS.toString());

    for (Cli run : List.of(query, scan)) {
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains(garbage.toString()).contains("not a valid DuckDB database");
      assertThat(run.err()).doesNotContain("\tat ");
    }
    assertThat(Files.readAllBytes(garbage)).isEqualTo(before);
    assertThat(Cli.run("query", "SELECT 1", "--store", tmp.resolve("none").toString()).err())
        .contains("no store at");
  }

  @Test
  void retention_keeps_the_newest_days_of_the_store() {
    Cli scan =
        Cli.run(
            "scan",
            "--no-progress",
            "--store",
            store().toString(),
            "--retention-days",
            "1",
            LOGS.toString());
    assertThat(scan.code()).isZero();
    assertThat(scan.err()).contains("retention: deleted").contains("before 2026-11-20");
    assertThat(query("SELECT DISTINCT day::VARCHAR AS day FROM events", "--output", "csv").out())
        .isEqualTo("day\r\n2026-11-20\r\n");
  }

  @Test
  void export_moves_old_days_to_parquet_and_out_of_the_store() {
    scanInto(LOGS.toString());
    Path archive = tmp.resolve("archive");
    Cli run =
        Cli.run(
            "store",
            "export",
            "--store",
            store().toString(),
            "--before",
            "2026-11-20",
            "--to",
            archive.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("2026-11-19").contains("exported 1 day");
    assertThat(archive.resolve("events-2026-11-19.parquet")).exists();
    assertThat(query("SELECT min(day)::VARCHAR AS first FROM events", "--output", "csv").out())
        .isEqualTo("first\r\n2026-11-20\r\n");
    assertThat(
            Cli.run(
                    "store",
                    "export",
                    "--store",
                    store().toString(),
                    "--before",
                    "20.11.2026",
                    "--to",
                    archive.toString())
                .code())
        .isEqualTo(2);
  }
}
