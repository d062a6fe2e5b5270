package io.trailhound.cli;

import io.trailhound.bench.BenchRun;
import io.trailhound.bench.FlowBench;
import io.trailhound.detect.baseline.BaselineConfig;
import io.trailhound.enrich.IpEnricher;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.BaselineStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanStage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trailhound bench}: throughput of a full scan against the JSON tokenisation floor. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Build a corpus of realistic CloudTrail events (JSON lines), then time (a) Jackson streaming"
          + " tokenisation of it and (b) a full scan with the built-in pack plus --rules,"
          + " on the same bytes with the same threads; print events/s, the ratio and peak heap."
    })
final class BenchCommand implements Callable<Integer> {

  private final Clock clock;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--events", description = "Events in the corpus (default 1,000,000).")
  long events = 1_000_000;

  @Option(names = "--files", description = "Files the corpus is split into (default 8).")
  int files = 8;

  @Option(names = "--threads", description = "Threads for both phases (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--passes", description = "Passes per phase; the fastest counts (default 3).")
  int passes = 3;

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directories.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--dir", paramLabel = "DIR", description = "Keep the corpus in DIR.")
  Path dir;

  @Option(
      names = "--reuse",
      description = "With --dir: keep corpus files already there instead of rewriting them.")
  boolean reuse;

  @Option(names = "--seed", description = "Corpus seed (default 1).")
  long seed = 1;

  @Option(
      names = "--no-baselines",
      description = "Scan without the behaviour baselines (as scan --no-baselines).")
  boolean noBaselines;

  @Option(
      names = "--no-spine",
      description =
          "Skip phase (c), the spine: the single-event rules alone, without correlations and"
              + " baselines, timed in the same passes to give the cost of stateful detection.")
  boolean noSpine;

  @Option(
      names = "--source",
      paramLabel = "KIND",
      description =
          "cloudtrail (default) or vpcflow: a synthetic VPC flow corpus timed (a) parsing only and"
              + " (b) as a full scan with every network detector; --events counts flow records.")
  String source = "cloudtrail";

  @Option(
      names = "--gzip",
      description = "With --source vpcflow: gzip the corpus files, as S3 delivery does.")
  boolean gzip;

  BenchCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (files < 1 || events < files || threads < 1 || passes < 1) {
      throw new UsageError(
          "bench needs --files >= 1, --events >= --files, --threads >= 1 and --passes >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (source.equalsIgnoreCase("vpcflow")) {
      return flows(out);
    }
    if (!source.equalsIgnoreCase("cloudtrail")) {
      throw new UsageError("--source must be cloudtrail or vpcflow");
    }
    Path where = dir != null ? dir : Files.createTempDirectory("trailhound-bench-");
    List<Path> corpus;
    long t0 = System.nanoTime();
    List<Path> existing = BenchRun.corpusFiles(where, files);
    boolean reused = reuse && dir != null && existing.stream().allMatch(Files::isRegularFile);
    corpus = reused ? existing : BenchRun.corpus(where, events, files, seed);
    out.printf(
        Locale.ROOT,
        "corpus: %,d events in %d JSON-lines files under %s (%s in %.1f s)%n",
        events,
        files,
        where,
        reused ? "reused" : "written",
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    RuleCatalog catalog = RuleCatalog.load(true, ruleDirs, Placeholders.none());
    // A fresh profile store per pass: each pass learns from nothing, as a first scan does.
    BaselineConfig baselineConfig = BaselineStage.defaultConfig();
    ScanStage.Factory baselines =
        () ->
            BaselineStage.factory(IpEnricher.NONE, BaselineStage.newStore(), baselineConfig)
                .create();
    BenchRun.Result r =
        BenchRun.run(
            corpus,
            catalog,
            threads,
            passes,
            clock,
            noBaselines ? List.of() : List.of(baselines),
            noSpine ? null : catalog.singleEvent());
    out.printf(
        Locale.ROOT,
        "size: %s, threads: %d, rules: %d, baselines: %s, passes: %d (fastest shown)%n",
        Bytes.human(r.bytes()),
        r.threads(),
        r.rules(),
        noBaselines ? "off" : "on",
        passes);
    phase(out, "(a) tokenise floor", r.floor());
    phase(out, "(b) full scan     ", r.scan());
    if (r.spine() != null) {
      phase(out, "(c) spine         ", r.spine());
    }
    out.printf(Locale.ROOT, "ratio (b)/(a): %.0f%%, findings: %d%n", r.ratio() * 100, r.findings());
    if (r.spine() != null) {
      out.printf(
          Locale.ROOT,
          "stateful detection: (b)/(c) = %.0f%% of the spine's throughput (%d single-event rules"
              + " in (c); target: at least 67%%)%n",
          r.statefulShare() * 100,
          catalog.singleEvent().rules().size());
    }
    if (dir == null) {
      for (Path p : corpus) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(where);
    }
    return Trailhound.OK;
  }

  private int flows(PrintWriter out) throws Exception {
    Path where = dir != null ? dir : Files.createTempDirectory("trailhound-flowbench-");
    long t0 = System.nanoTime();
    List<Path> existing = FlowBench.corpusFiles(where, files, gzip);
    boolean reused = reuse && dir != null && existing.stream().allMatch(Files::isRegularFile);
    List<Path> corpus = reused ? existing : FlowBench.corpus(where, events, files, seed, gzip);
    out.printf(
        Locale.ROOT,
        "corpus: %,d flow records (default format with header, S3 layout, %s) in %d files under"
            + " %s (%s in %.1f s)%n",
        events,
        gzip ? "gzipped" : "plain",
        files,
        where,
        reused ? "reused" : "written",
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    FlowBench.Result flow = FlowBench.run(corpus, threads, passes, clock);
    BenchRun.Result r = flow.run();
    out.printf(
        Locale.ROOT,
        "size: %s, threads: %d, passes: %d (fastest shown)%n",
        Bytes.human(r.bytes()),
        r.threads(),
        passes);
    phase(out, "(a) parse only    ", r.floor());
    phase(out, "(b) full scan     ", r.scan());
    out.printf(Locale.ROOT, "ratio (b)/(a): %.0f%%, findings: %d%n", r.ratio() * 100, r.findings());
    out.printf(
        Locale.ROOT,
        "process CPU: (a) %.2f s = %,.0f records per CPU-second, (b) %.2f s = %,.0f per"
            + " CPU-second; detectors cost %.2f times the parse%n",
        flow.parseCpuSeconds(),
        r.floor().events() / Math.max(flow.parseCpuSeconds(), 1e-9),
        flow.scanCpuSeconds(),
        r.scan().events() / Math.max(flow.scanCpuSeconds(), 1e-9),
        (flow.scanCpuSeconds() - flow.parseCpuSeconds()) / Math.max(flow.parseCpuSeconds(), 1e-9));
    if (dir == null) {
      // The S3 layout nests folders: delete the tree, deepest first.
      try (java.util.stream.Stream<Path> tree = Files.walk(where)) {
        for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return Trailhound.OK;
  }

  private static void phase(PrintWriter out, String label, BenchRun.Phase p) {
    out.printf(
        Locale.ROOT,
        "%s %,12.0f events/s  %s/s  %.2f s  peak heap %s%s%n",
        label,
        p.eventsPerSecond(),
        Bytes.human((long) (p.bytes() / p.seconds())),
        p.seconds(),
        Bytes.human(p.peakHeapBytes()),
        Double.isNaN(p.cpuSeconds())
            ? ""
            : String.format(
                Locale.ROOT,
                "  cpu %.2f s (%.2f us/event)",
                p.cpuSeconds(),
                p.cpuSeconds() * 1e6 / p.events()));
  }
}
