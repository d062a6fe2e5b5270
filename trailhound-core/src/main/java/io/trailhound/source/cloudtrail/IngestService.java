package io.trailhound.source.cloudtrail;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import io.trailhound.source.InputSpec;
import io.trailhound.source.Skip;
import io.trailhound.source.Workers;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads many inputs in parallel: files on {@code options.threads()} named worker threads, standard
 * input on the calling thread. Events go to the consumer on the thread that read them, so the
 * consumer must be thread-safe. Events of one file arrive in file order; files interleave.
 */
public final class IngestService {

  private static final long PROGRESS_STEP = 1 << 20;

  private final Clock clock;
  private final InputStream stdin;

  public IngestService(Clock clock) {
    this(clock, System.in);
  }

  /** For tests: standard input is {@code stdin}. */
  IngestService(Clock clock, InputStream stdin) {
    this.clock = clock;
    this.stdin = stdin;
  }

  /** Reads the expanded arguments; the expansion's skips are counted in the report. */
  public IngestReport run(InputSpec.Expansion inputs, IngestOptions options, Consumer<Event> sink) {
    return run(inputs.inputs(), inputs.skips(), options, sink);
  }

  public IngestReport run(List<Input> inputs, IngestOptions options, Consumer<Event> sink) {
    return run(inputs, List.of(), options, sink);
  }

  private IngestReport run(
      List<Input> inputs, List<Skip> earlier, IngestOptions options, Consumer<Event> sink) {
    Instant start = clock.instant();
    ReportBuilder report = new ReportBuilder(options.maxExamples(), options.onSkip());
    earlier.forEach(report::skip);
    CloudTrailReader reader = new CloudTrailReader(options, report);
    long total = inputs.stream().mapToLong(i -> Math.max(i.size(), 0)).sum();
    Progress progress = new Progress(options.progress(), total);
    ExecutorService pool = Workers.pool("ingest", options.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      Input stdinInput = null;
      for (Input input : inputs) {
        if (input.isStdin()) {
          stdinInput = input;
        } else {
          futures.add(pool.submit(() -> reader.read(input, progress.forFile(), sink)));
        }
      }
      if (stdinInput != null) {
        reader.read(stdinInput.location(), stdin, progress.forFile(), sink);
      }
      for (Future<?> f : futures) {
        Workers.await(f, "reading inputs");
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish();
    return report.build(Duration.between(start, clock.instant()));
  }

  /** Shared byte counter; reports every {@link #PROGRESS_STEP} bytes. */
  private static final class Progress {
    private final IngestProgress callback;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();

    Progress(IngestProgress callback, long total) {
      this.callback = callback;
      this.total = total;
    }

    LongConsumer forFile() {
      return n -> {
        long now = done.addAndGet(n);
        long last = reported.get();
        if (now - last >= PROGRESS_STEP && reported.compareAndSet(last, now)) {
          callback.progress(now, total);
        }
      };
    }

    void finish() {
      callback.progress(done.get(), total);
    }
  }
}
