package io.trailhound.cli;

import io.trailhound.bench.StoreBench;
import io.trailhound.simulate.SimulatedSource;
import io.trailhound.simulate.SimulationOptions;
import io.trailhound.simulate.SimulationSummary;
import io.trailhound.simulate.Simulator;
import io.trailhound.store.EventStore;
import io.trailhound.store.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trailhound store bench}: load rate and pivot latency on simulated CloudTrail. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate an organisation's CloudTrail (or reuse DIR/logs), scan it into a fresh store"
          + " (optionally also without the store, to show what storing costs), then time every"
          + " pivot kind on values sampled from the store: p50, p95 and max in milliseconds."
    })
final class StoreBenchCommand implements Callable<Integer> {

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: temporary).")
  Path dir;

  @Option(names = "--reuse", description = "Reuse DIR/logs when present.")
  boolean reuse;

  @Option(names = "--seed", description = "Simulation seed (default 1).")
  long seed = 1;

  @Option(names = "--days", description = "Simulated days (default 1).")
  int days = 1;

  @Option(names = "--scale", description = "Simulation scale (default 40: ~1M events a day).")
  double scale = 40;

  @Option(names = "--threads", description = "Scan threads (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--samples", description = "Values per pivot kind (default 50).")
  int samples = 50;

  @Option(names = "--batch-rows", description = "Events per store batch (default 100,000).")
  int batchRows = StoreOptions.defaults().batchRows();

  @Option(names = "--unsorted", description = "Store batches unsorted (to measure the sort).")
  boolean unsorted;

  @Option(names = "--compare-scan", description = "Also time the scan without the store.")
  boolean compareScan;

  @Option(
      names = "--store",
      paramLabel = "FILE",
      description =
          "Measure this existing store (filled by scan --store) instead of simulating and loading"
              + " one; opened read-only.")
  Path store;

  @Option(
      names = "--investigations",
      paramLabel = "N",
      description =
          "Also investigate N of the store's findings over the store (spread by id; default 0:"
              + " none) and print p50/p95/max per investigation.")
  int investigations;

  StoreBenchCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (days < 1 || !(scale > 0) || threads < 1 || samples < 1 || batchRows < 1) {
      throw new UsageError("store bench needs positive --days, --scale, --threads, --samples");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (investigations < 0) {
      throw new UsageError("--investigations must be >= 0");
    }
    if (store != null) {
      try (EventStore s = EventStore.openReadOnly(store, clock)) {
        out.printf(Locale.ROOT, "store %s: %,d events%n", store, s.eventCount());
        out.flush();
        printPivots(StoreBench.pivotsOf(s, samples), out);
        printInvestigations(s, out);
      }
      return Trailhound.OK;
    }
    Path where = dir != null ? dir : Files.createTempDirectory("trailhound-store-bench-");
    Path logs = where.resolve("logs");
    if (!(reuse && Files.isDirectory(logs.resolve("AWSLogs")))) {
      long t0 = System.nanoTime();
      SimulationSummary s =
          Simulator.run(
              SimulationOptions.defaults(seed, logs)
                  .withDays(days)
                  .withScale(scale)
                  .withSources(java.util.EnumSet.of(SimulatedSource.CLOUDTRAIL)));
      out.printf(
          Locale.ROOT,
          "simulated %,d events in %.1f s under %s%n",
          s.events(),
          (System.nanoTime() - t0) / 1e9,
          logs);
      out.flush();
    }
    StoreOptions options =
        StoreOptions.defaults().withBatchRows(batchRows).withSortBatches(!unsorted);
    StoreBench.Result r =
        StoreBench.run(
            logs.resolve("AWSLogs"),
            where.resolve("bench.duckdb"),
            threads,
            compareScan,
            samples,
            options,
            clock);
    if (compareScan) {
      out.printf(
          Locale.ROOT,
          "scan without store: %,d events in %.1f s (%,.0f events/s), CPU %.1f s%n",
          r.events(),
          r.scanSeconds(),
          r.events() / r.scanSeconds(),
          r.scanCpuSeconds());
    }
    out.printf(
        Locale.ROOT,
        "scan with store:    %,d events in %.1f s (%,.0f events/s), CPU %.1f s, %,d stored in %d"
            + " batches, store %s (%,.0f bytes/event)%n",
        r.events(),
        r.storeScanSeconds(),
        r.events() / r.storeScanSeconds(),
        r.storeScanCpuSeconds(),
        r.stored().stored(),
        r.stored().batches(),
        Bytes.human(r.storeBytes()),
        r.storeBytes() / (double) Math.max(1, r.stored().stored()));
    printPivots(r.latencies(), out);
    if (investigations > 0) {
      try (EventStore s = EventStore.openReadOnly(where.resolve("bench.duckdb"), clock)) {
        printInvestigations(s, out);
      }
    }
    return Trailhound.OK;
  }

  private static void printPivots(List<StoreBench.Latency> latencies, PrintWriter out) {
    out.println(
        "pivot          range       queries     p50 ms     p95 ms     max ms   CPU ms/query");
    for (StoreBench.Latency l : latencies) {
      out.printf(
          Locale.ROOT,
          "%-14s %-11s %7d %10.1f %10.1f %10.1f %14.1f%n",
          l.pivot(),
          l.range(),
          l.queries(),
          l.p50(),
          l.p95(),
          l.max(),
          l.cpuMs());
    }
    out.flush();
  }

  private void printInvestigations(EventStore s, PrintWriter out) {
    if (investigations == 0) {
      return;
    }
    StoreBench.Investigations i = StoreBench.investigations(s, investigations, clock);
    out.printf(
        Locale.ROOT,
        "investigations over the store: %d of %,d findings: p50 %.1f ms, p95 %.1f ms, max %.1f ms,"
            + " CPU %.1f ms each; evidence events p50 %d, max %d%n",
        i.investigated(),
        i.findings(),
        i.p50(),
        i.p95(),
        i.max(),
        i.cpuMs(),
        i.evidenceP50(),
        i.evidenceMax());
  }
}
