package io.trailhound.cli;

import io.trailhound.store.EventStore;
import io.trailhound.store.ExportedDay;
import io.trailhound.store.RetentionResult;
import io.trailhound.store.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trailhound store}: housekeeping and benchmarking of an event store. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Maintain an event store written by scan --store.",
    subcommands = {
      StoreCommand.ExportCommand.class,
      StoreCommand.RetainCommand.class,
      StoreBenchCommand.class
    })
final class StoreCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static EventStore openExisting(Path file, Clock clock) {
    if (!Files.isRegularFile(file)) {
      throw new UsageError("no store at " + file);
    }
    return EventStore.open(file, StoreOptions.defaults(), clock, Version.current());
  }

  /** {@code store export}: old days to Parquet, then out of the store. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write each stored UTC day before --before to DIR/events-YYYY-MM-DD.parquet (and"
              + " event_resources-YYYY-MM-DD.parquet), zstd-compressed; check the files read back"
              + " whole, then delete those days from the store.")
  static final class ExportCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "FILE", description = "The store.")
    Path store;

    @Option(
        names = "--before",
        required = true,
        paramLabel = "DATE",
        description = "First day kept (YYYY-MM-DD, UTC).")
    String before;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Output folder.")
    Path to;

    ExportCommand(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      LocalDate day;
      try {
        day = LocalDate.parse(before);
      } catch (DateTimeParseException e) {
        throw new UsageError("--before must be a date like 2026-11-16: " + before);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (EventStore s = openExisting(store, clock)) {
        List<ExportedDay> days = s.retention().exportBefore(day, to);
        for (ExportedDay d : days) {
          out.printf(
              Locale.ROOT,
              "%s  %,d events  %s%n",
              d.day(),
              d.events(),
              TerminalText.safe(d.eventsFile().toString()));
        }
        out.printf(
            Locale.ROOT,
            "exported %d day%s (%,d events) and removed them from %s%n",
            days.size(),
            days.size() == 1 ? "" : "s",
            days.stream().mapToLong(ExportedDay::events).sum(),
            TerminalText.safe(store.toString()));
      }
      return Trailhound.OK;
    }
  }

  /** {@code store retain}: delete days beyond a retention. */
  @Command(
      name = "retain",
      mixinStandardHelpOptions = true,
      description =
          "Keep the N newest UTC days, counted from the newest stored event, and delete older"
              + " events.")
  static final class RetainCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "FILE", description = "The store.")
    Path store;

    @Option(names = "--days", required = true, paramLabel = "N", description = "Days to keep.")
    int days;

    RetainCommand(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      if (days < 1) {
        throw new UsageError("--days must be at least 1");
      }
      try (EventStore s = openExisting(store, clock)) {
        RetentionResult r = s.retention().keepDays(days);
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "deleted %,d events of %d day%s; kept from %s%n",
                r.eventsDeleted(),
                r.daysDeleted(),
                r.daysDeleted() == 1 ? "" : "s",
                r.keptFrom() == null ? "-" : r.keptFrom());
      }
      return Trailhound.OK;
    }
  }
}
