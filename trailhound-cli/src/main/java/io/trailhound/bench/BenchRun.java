package io.trailhound.bench;

import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.scan.ScanStage;
import io.trailhound.source.InputSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The scan benchmark: the tokenisation floor and a full scan over the same files with the same
 * thread count, each timed on its best of several passes, with the peak heap of each phase.
 */
public final class BenchRun {

  /**
   * Timing of one phase; {@code cpuSeconds} is the CPU time of the whole process during it (reader,
   * GC and compiler threads; NaN when not measured), which a busy machine inflates far less than
   * the wall-clock time.
   */
  public record Phase(
      String name, long events, long bytes, double seconds, long peakHeapBytes, double cpuSeconds) {

    public Phase(String name, long events, long bytes, double seconds, long peakHeapBytes) {
      this(name, events, bytes, seconds, peakHeapBytes, Double.NaN);
    }

    public double eventsPerSecond() {
      return events / seconds;
    }
  }

  /** CPU time of the whole process (reader, GC and compiler threads), or 0 when not available. */
  static long cpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(java.time.Duration::toNanos)
        .orElse(0L);
  }

  /**
   * The phases and the corpus they ran on; {@code spine} (the single-event rules alone, no
   * correlations and no stages) is null when not measured.
   */
  public record Result(
      long events,
      long bytes,
      int files,
      int threads,
      int rules,
      Phase floor,
      Phase scan,
      long findings,
      Phase spine) {

    public Result(
        long events,
        long bytes,
        int files,
        int threads,
        int rules,
        Phase floor,
        Phase scan,
        long findings) {
      this(events, bytes, files, threads, rules, floor, scan, findings, null);
    }

    public double ratio() {
      return scan.eventsPerSecond() / floor.eventsPerSecond();
    }

    /** Full-scan throughput as a share of the spine's (1 without a spine phase). */
    public double statefulShare() {
      return spine == null ? 1 : scan.eventsPerSecond() / spine.eventsPerSecond();
    }
  }

  private BenchRun() {}

  /** Writes a corpus of {@code events} events under {@code dir} (deterministic for the seed). */
  public static List<Path> corpus(Path dir, long events, int files, long seed) throws Exception {
    return BenchCorpus.bundled().write(dir, events, files, seed);
  }

  /** The files {@link #corpus} writes under {@code dir}, whether they exist yet or not. */
  public static List<Path> corpusFiles(Path dir, int files) {
    return BenchCorpus.paths(dir, files);
  }

  /** Runs both phases {@code passes} times and keeps the fastest pass of each. */
  public static Result run(
      List<Path> files, RuleCatalog catalog, int threads, int passes, Clock clock)
      throws Exception {
    return run(files, catalog, threads, passes, clock, List.of(), null);
  }

  /**
   * {@link #run} with stateful stages (baselines) in the scan phase, as {@code scan} runs them,
   * and, when {@code spine} is given, a third phase in the same passes: a scan with {@code spine}'s
   * rules and no stages, the throughput stateful detection is measured against.
   */
  public static Result run(
      List<Path> files,
      RuleCatalog catalog,
      int threads,
      int passes,
      Clock clock,
      List<ScanStage.Factory> stages,
      RuleCatalog spine)
      throws Exception {
    long bytes = 0;
    for (Path f : files) {
      bytes += java.nio.file.Files.size(f);
    }
    Phase floor = null;
    Phase scan = null;
    Phase spinePhase = null;
    long findings = 0;
    List<String> args = files.stream().map(Path::toString).toList();
    for (int pass = 0; pass < passes; pass++) {
      resetPeaks();
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      long values = TokenFloor.run(files, threads);
      Phase a =
          new Phase(
              "floor",
              values,
              bytes,
              (System.nanoTime() - t0) / 1e9,
              peakHeap(),
              (cpuNanos() - c0) / 1e9);
      floor = floor == null || a.seconds() < floor.seconds() ? a : floor;

      resetPeaks();
      long c1 = cpuNanos();
      long t1 = System.nanoTime();
      ScanOptions options = ScanOptions.defaults().withThreads(threads);
      for (ScanStage.Factory stage : stages) {
        options = options.withStage(stage);
      }
      ScanResult r = new ScanService(clock).scan(InputSpec.expand(args), catalog, options);
      Phase b =
          new Phase(
              "scan",
              r.ingest().eventsDelivered(),
              bytes,
              (System.nanoTime() - t1) / 1e9,
              peakHeap(),
              (cpuNanos() - c1) / 1e9);
      scan = scan == null || b.seconds() < scan.seconds() ? b : scan;
      findings = r.findings().size();

      if (spine != null) {
        resetPeaks();
        long c2 = cpuNanos();
        long t2 = System.nanoTime();
        ScanResult s =
            new ScanService(clock)
                .scan(InputSpec.expand(args), spine, ScanOptions.defaults().withThreads(threads));
        Phase c =
            new Phase(
                "spine",
                s.ingest().eventsDelivered(),
                bytes,
                (System.nanoTime() - t2) / 1e9,
                peakHeap(),
                (cpuNanos() - c2) / 1e9);
        spinePhase = spinePhase == null || c.seconds() < spinePhase.seconds() ? c : spinePhase;
      }
    }
    long events = floor.events();
    return new Result(
        events,
        bytes,
        files.size(),
        threads,
        catalog.rules().size(),
        floor,
        scan,
        findings,
        spinePhase);
  }

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
