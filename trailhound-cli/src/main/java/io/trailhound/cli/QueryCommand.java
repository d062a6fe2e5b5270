package io.trailhound.cli;

import io.trailhound.store.EventStore;
import io.trailhound.store.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailhound query}: hunting SQL over a store, read-only. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run one SQL query (DuckDB dialect) over an event store written by scan --store and print"
          + " the rows. The store is opened read-only: writes, files and other databases are"
          + " refused. Tables: events, event_resources, findings, scans, schema_version.",
      "Exit codes: 0 done, 2 usage error, bad SQL or a file that is not a store."
    })
final class QueryCommand implements Callable<Integer> {

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(names = "--store", required = true, paramLabel = "FILE", description = "The store.")
  Path store;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "table (default), json (one object per line) or csv.")
  String output = "table";

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Print at most N rows (default 10,000); a note on stderr says when cut.")
  int maxRows = 10_000;

  @Option(
      names = "--width",
      paramLabel = "CHARS",
      description = "Widest a table column grows (default 60).")
  int width = 60;

  QueryCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String format = output.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "csv").contains(format)) {
      throw new UsageError("unknown --output '" + output + "': expected table, json or csv");
    }
    if (maxRows < 0 || width < 4) {
      throw new UsageError("--max-rows must be >= 0 and --width >= 4");
    }
    QueryResult result;
    try (EventStore s = EventStore.openReadOnly(store, clock)) {
      result = s.query(sql, maxRows);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "json" -> QueryOutput.json(result, out);
      case "csv" -> QueryOutput.csv(result, out);
      default -> table(result, out);
    }
    out.flush();
    if (result.truncated()) {
      spec.commandLine()
          .getErr()
          .printf(Locale.ROOT, "trailhound: output cut at %,d rows (--max-rows)%n", maxRows);
    }
    return Trailhound.OK;
  }

  private void table(QueryResult result, PrintWriter out) {
    if (result.columns().isEmpty()) {
      return;
    }
    Table table =
        new Table(
            result.columns(), new ArrayList<>(Collections.nCopies(result.columns().size(), width)));
    for (List<Object> row : result.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object cell : row) {
        cells.add(cell == null ? "NULL" : QueryOutput.text(cell));
      }
      table.row(cells);
    }
    table.print(out);
    out.printf(
        Locale.ROOT, "(%,d row%s)%n", result.rows().size(), result.rows().size() == 1 ? "" : "s");
  }
}
