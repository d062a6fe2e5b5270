package io.trailhound.bench;

import io.trailhound.event.net.FlowRecord;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.NetworkScan;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.source.net.NetworkOptions;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import io.trailhound.source.vpcflow.FlowLogReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * The flow log benchmark: a synthetic VPC flow corpus as S3 delivers it (the default format with
 * its header line, files under {@code AWSLogs/<account>/vpcflowlogs/<region>/<y>/<m>/<d>/}, plain
 * or gzipped; a few hundred interfaces, web and database traffic, internet background scans and
 * rejects), timed (a) parsing only and (b) as a full {@code scan} (routing, parsing and every
 * network detector), with the process CPU time of each phase beside the wall time: other work on a
 * shared machine stretches wall time, not CPU time.
 */
public final class FlowBench {

  private static final String HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start"
          + " end action log-status";

  private static final String PREFIX = "AWSLogs/111122223333/vpcflowlogs/us-east-1/2023/11/14/";

  /** The fastest pass of each phase, with the process CPU seconds that pass used. */
  public record Result(BenchRun.Result run, double parseCpuSeconds, double scanCpuSeconds) {}

  private FlowBench() {}

  /** The corpus files {@link #corpus} writes under {@code dir}. */
  public static List<Path> corpusFiles(Path dir, int files, boolean gzip) {
    List<Path> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(
          dir.resolve(
              PREFIX
                  + String.format(
                      java.util.Locale.ROOT,
                      "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f67890_20231114T%02d%02dZ_%08x.log",
                      f / 60 % 24,
                      f % 60,
                      f * 2654435761L & 0xffffffffL)
                  + (gzip ? ".gz" : "")));
    }
    return out;
  }

  /**
   * Writes {@code records} records into {@code files} files under {@code dir} (gzipped when {@code
   * gzip}).
   */
  public static List<Path> corpus(Path dir, long records, int files, long seed, boolean gzip)
      throws IOException {
    List<Path> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(seed);
    long t0 = 1_700_000_000L;
    long[] popular = new long[2000];
    for (int i = 0; i < popular.length; i++) {
      popular[i] =
          i < 500
              ? (10L << 24) | (1L << 16) | rnd.nextInt(65536)
              : (20L + rnd.nextInt(180)) << 24 | rnd.nextInt(1 << 24);
    }
    for (int f = 0; f < files; f++) {
      Path p = corpusFiles(dir, files, gzip).get(f);
      Files.createDirectories(p.getParent());
      long n = records / files + (f < records % files ? 1 : 0);
      OutputStream os = Files.newOutputStream(p);
      if (gzip) {
        os = new GZIPOutputStream(os, 65536);
      }
      try (BufferedWriter w =
          new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 65536)) {
        w.write(HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(200);
        for (long i = 0; i < n; i++) {
          sb.setLength(0);
          int eni = rnd.nextInt(300);
          String local = "10.0." + (eni / 250) + "." + (eni % 250 + 1);
          // Most traffic goes to a few thousand repeat peers; a fifth to one-off addresses
          // (internet scanners, new clients).
          long peer =
              rnd.nextInt(5) == 0 ? rnd.nextLong(1L << 32) : popular[rnd.nextInt(popular.length)];
          String remote =
              (peer >>> 24 & 255)
                  + "."
                  + (peer >>> 16 & 255)
                  + "."
                  + (peer >>> 8 & 255)
                  + "."
                  + (peer & 255);
          int kind = rnd.nextInt(10);
          boolean in = kind < 5;
          int service =
              switch (rnd.nextInt(5)) {
                case 0 -> 443;
                case 1 -> 80;
                case 2 -> 5432;
                case 3 -> 22;
                default -> 1 + rnd.nextInt(10000);
              };
          int eph = 32768 + rnd.nextInt(28000);
          long start = t0 + (i * 3600 * 6) / Math.max(1, n) + rnd.nextInt(60);
          long packets = 1 + rnd.nextInt(kind == 9 ? 3 : 2000);
          String action = kind >= 8 ? "REJECT" : "ACCEPT";
          sb.append("2 111122223333 eni-0")
              .append(String.format(java.util.Locale.ROOT, "%016x", eni * 7919L))
              .append(' ')
              .append(in ? remote : local)
              .append(' ')
              .append(in ? local : remote)
              .append(' ')
              .append(in ? eph : eph)
              .append(' ')
              .append(service)
              .append(' ')
              .append(rnd.nextInt(8) == 0 ? 17 : 6)
              .append(' ')
              .append(packets)
              .append(' ')
              .append(packets * (40 + rnd.nextInt(1400)))
              .append(' ')
              .append(start)
              .append(' ')
              .append(start + rnd.nextInt(60))
              .append(' ')
              .append(action)
              .append(" OK\n");
          w.append(sb);
        }
      }
      out.add(p);
    }
    return out;
  }

  /** (a) parse only, (b) full scan, best of {@code passes}. */
  public static Result run(List<Path> files, int threads, int passes, Clock clock)
      throws Exception {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    BenchRun.Phase parse = null;
    BenchRun.Phase scan = null;
    long findings = 0;
    double parseCpu = 0;
    double scanCpu = 0;
    RuleCatalog none = RuleCatalog.load(false, List.of(), Placeholders.none());
    List<String> args = files.stream().map(Path::toString).toList();
    for (int pass = 0; pass < passes; pass++) {
      BenchRun.resetPeaks();
      long c0 = BenchRun.cpuNanos();
      long t0 = System.nanoTime();
      long n = parseOnly(files, threads);
      BenchRun.Phase a =
          new BenchRun.Phase(
              "parse", n, bytes, (System.nanoTime() - t0) / 1e9, BenchRun.peakHeap());
      if (parse == null || a.seconds() < parse.seconds()) {
        parse = a;
        parseCpu = (BenchRun.cpuNanos() - c0) / 1e9;
      }
      BenchRun.resetPeaks();
      long c1 = BenchRun.cpuNanos();
      long t1 = System.nanoTime();
      ScanResult r =
          new ScanService(clock)
              .scan(
                  InputSpec.expand(args),
                  none,
                  ScanOptions.defaults().withThreads(threads),
                  NetworkScan.defaults().withOptions(new NetworkOptions(null, false, 1, threads)));
      BenchRun.Phase b =
          new BenchRun.Phase(
              "scan",
              r.network().flowRecords(),
              bytes,
              (System.nanoTime() - t1) / 1e9,
              BenchRun.peakHeap());
      if (scan == null || b.seconds() < scan.seconds()) {
        scan = b;
        scanCpu = (BenchRun.cpuNanos() - c1) / 1e9;
      }
      findings = r.findings().size();
    }
    return new Result(
        new BenchRun.Result(parse.events(), bytes, files.size(), threads, 0, parse, scan, findings),
        parseCpu,
        scanCpu);
  }

  private static long parseOnly(List<Path> files, int threads) throws Exception {
    LongAdder n = new LongAdder();
    SkipLog skips = new SkipLog(1);
    FlowLogReader reader = new FlowLogReader(null, skips, new ReadCounts());
    AtomicInteger t = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread th = new Thread(r, "trailhound-flowbench-" + t.incrementAndGet());
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      Consumer<FlowRecord> count = r -> n.increment();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  try (InputStream in = Files.newInputStream(f)) {
                    reader.read(f.toString(), in, count);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return n.sum();
  }
}
