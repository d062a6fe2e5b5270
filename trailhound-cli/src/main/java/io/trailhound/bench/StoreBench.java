package io.trailhound.bench;

import io.trailhound.finding.Finding;
import io.trailhound.investigate.Investigator;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.RawRecords;
import io.trailhound.store.EventStore;
import io.trailhound.store.Pivot;
import io.trailhound.store.QueryResult;
import io.trailhound.store.StoreOptions;
import io.trailhound.store.StoreStage;
import io.trailhound.store.TimeRange;
import io.trailhound.store.WriteStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Load and pivot figures of the event store: a scan of simulated logs without and with {@code
 * --store}, then each pivot kind on values sampled from the store, all time and the last day.
 */
public final class StoreBench {

  /**
   * Investigation times over the store, in milliseconds, of {@code investigated} findings out of
   * {@code findings} stored (evidence events per investigation: p50 and max).
   */
  public record Investigations(
      long findings,
      int investigated,
      double p50,
      double p95,
      double max,
      double cpuMs,
      int evidenceP50,
      int evidenceMax) {}

  /** Latencies of one pivot kind, in milliseconds. */
  public record Latency(
      String pivot, String range, int queries, double p50, double p95, double max, double cpuMs) {}

  /**
   * @param events events the scan read
   * @param scanSeconds the scan without the store (NaN when not measured)
   * @param scanCpuSeconds CPU time of the process (all threads, DuckDB's too) for it
   * @param storeScanSeconds the same scan with the store, until the last event was stored
   * @param storeScanCpuSeconds CPU time for it
   * @param stored the writer's figures
   * @param storeBytes size of the store file after a checkpoint
   * @param latencies pivot latencies
   */
  public record Result(
      long events,
      double scanSeconds,
      double scanCpuSeconds,
      double storeScanSeconds,
      double storeScanCpuSeconds,
      WriteStats stored,
      long storeBytes,
      List<Latency> latencies) {}

  private StoreBench() {}

  public static Result run(
      Path logs,
      Path storeFile,
      int threads,
      boolean compareScan,
      int samples,
      StoreOptions options,
      Clock clock)
      throws IOException {
    RuleCatalog catalog =
        RuleCatalog.load(true, List.of(), io.trailhound.rule.sigma.Placeholders.none());
    InputSpec.Expansion inputs = InputSpec.expand(List.of(logs.toString()));
    ScanOptions scanOptions = ScanOptions.defaults().withThreads(threads);
    double plain = Double.NaN;
    double plainCpu = Double.NaN;
    if (compareScan) {
      long t0 = System.nanoTime();
      double c0 = cpuSeconds();
      new ScanService(clock).scan(inputs, catalog, scanOptions);
      plain = (System.nanoTime() - t0) / 1e9;
      plainCpu = cpuSeconds() - c0;
    }
    Files.deleteIfExists(storeFile);
    Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + ".wal"));
    try (EventStore store = EventStore.open(storeFile, options, clock, "bench")) {
      long t0 = System.nanoTime();
      double c0 = cpuSeconds();
      StoreStage stage = new StoreStage(store.writer("bench"));
      ScanResult result =
          new ScanService(clock).scan(inputs, catalog, scanOptions.withStage(() -> stage));
      store.saveFindings("bench", result.findings());
      double withStore = (System.nanoTime() - t0) / 1e9;
      double withStoreCpu = cpuSeconds() - c0;
      store.checkpoint();
      long bytes = Files.size(storeFile);
      List<Latency> latencies = pivots(store, samples);
      return new Result(
          result.ingest().eventsDelivered(),
          plain,
          plainCpu,
          withStore,
          withStoreCpu,
          stage.stats(),
          bytes,
          latencies);
    }
  }

  /** Pivot latencies of an existing store (loaded by {@code scan --store}). */
  public static List<Latency> pivotsOf(EventStore store, int samples) {
    return pivots(store, samples);
  }

  /**
   * Investigates {@code n} of the store's findings (spread by id, the same each run; every one when
   * it holds fewer) over the store, after investigating the first three once to warm up.
   */
  public static Investigations investigations(EventStore store, int n, Clock clock) {
    List<Finding> all = new ArrayList<>(store.findings().all());
    all.sort(java.util.Comparator.comparing(Finding::id));
    List<Finding> sample = all.subList(0, Math.min(n, all.size()));
    Investigator investigator =
        new Investigator(store.lookup((raw, paths) -> RawRecords.read(raw, paths, clock)));
    for (Finding f : sample.subList(0, Math.min(3, sample.size()))) {
      investigator.investigate(f);
    }
    double[] ms = new double[sample.size()];
    int[] evidence = new int[sample.size()];
    double c0 = cpuSeconds();
    for (int i = 0; i < sample.size(); i++) {
      long t0 = System.nanoTime();
      evidence[i] = investigator.investigate(sample.get(i)).evidence().size();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double cpuMs = (cpuSeconds() - c0) * 1e3 / Math.max(1, ms.length);
    if (ms.length == 0) {
      return new Investigations(all.size(), 0, 0, 0, 0, 0, 0, 0);
    }
    Arrays.sort(ms);
    Arrays.sort(evidence);
    return new Investigations(
        all.size(),
        ms.length,
        rank(ms, 0.50),
        rank(ms, 0.95),
        ms[ms.length - 1],
        cpuMs,
        evidence[(evidence.length - 1) / 2],
        evidence[evidence.length - 1]);
  }

  private static List<Latency> pivots(EventStore store, int samples) {
    Object max =
        store.query("SELECT epoch_ms(max(event_time)) FROM events", 1).rows().get(0).get(0);
    Instant newest = Instant.ofEpochMilli(max == null ? 0 : (Long) max);
    TimeRange lastDay = new TimeRange(newest.minus(Duration.ofDays(1)), newest.plusSeconds(1));
    Map<String, List<Pivot>> kinds = new LinkedHashMap<>();
    kinds.put(
        "actor", values(store, "events", "actor_arn", samples, v -> new Pivot.ActorArn(v.get(0))));
    kinds.put(
        "access key",
        values(store, "events", "access_key_id", samples, v -> new Pivot.AccessKey(v.get(0))));
    kinds.put(
        "role session",
        values(
            store,
            "events",
            "session_issuer_arn, session_name",
            samples,
            v -> new Pivot.RoleSession(v.get(0), v.get(1))));
    kinds.put(
        "source ip",
        values(store, "events", "source_ip", samples, v -> new Pivot.SourceIp(v.get(0))));
    kinds.put(
        "resource",
        values(store, "event_resources", "arn", samples, v -> new Pivot.ResourceArn(v.get(0))));
    List<Latency> out = new ArrayList<>();
    for (var kind : kinds.entrySet()) {
      out.add(time(store, kind.getKey(), "all time", kind.getValue(), TimeRange.ALL));
      out.add(time(store, kind.getKey(), "last 24 h", kind.getValue(), lastDay));
    }
    return out;
  }

  /** Distinct values spread by hash, so busy and rare ones are both picked, the same each run. */
  private static List<Pivot> values(
      EventStore store, String table, String columns, int n, Function<List<String>, Pivot> make) {
    String notNull = String.join(" IS NOT NULL AND ", columns.split(", ")) + " IS NOT NULL";
    QueryResult r =
        store.query(
            "SELECT DISTINCT "
                + columns
                + " FROM "
                + table
                + " WHERE "
                + notNull
                + " ORDER BY hash("
                + columns
                + ") LIMIT "
                + n,
            n);
    List<Pivot> pivots = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      pivots.add(make.apply(row.stream().map(String::valueOf).toList()));
    }
    return pivots;
  }

  private static Latency time(
      EventStore store, String kind, String rangeName, List<Pivot> pivots, TimeRange range) {
    for (Pivot p : pivots) {
      store.pivots().events(p, range, 1_000); // warm-up: first touch of each row group
    }
    double[] ms = new double[pivots.size()];
    double c0 = cpuSeconds();
    for (int i = 0; i < pivots.size(); i++) {
      long t0 = System.nanoTime();
      store.pivots().events(pivots.get(i), range, 1_000);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double cpuMs = (cpuSeconds() - c0) * 1e3 / Math.max(1, ms.length);
    Arrays.sort(ms);
    if (ms.length == 0) {
      return new Latency(kind, rangeName, 0, 0, 0, 0, 0);
    }
    return new Latency(
        kind, rangeName, ms.length, rank(ms, 0.50), rank(ms, 0.95), ms[ms.length - 1], cpuMs);
  }

  /**
   * CPU time of this process, every thread (DuckDB's native ones too): on a shared machine it shows
   * the work done, which wall-clock times mix with other processes' load.
   */
  private static double cpuSeconds() {
    return ProcessHandle.current()
            .info()
            .totalCpuDuration()
            .map(java.time.Duration::toNanos)
            .orElse(0L)
        / 1e9;
  }

  /** Nearest-rank percentile. */
  private static double rank(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
