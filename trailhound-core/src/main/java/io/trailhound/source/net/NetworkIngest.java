package io.trailhound.source.net;

import io.trailhound.event.net.DnsQuery;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.source.Input;
import io.trailhound.source.SkipReason;
import io.trailhound.source.Workers;
import io.trailhound.source.dns.DnsLogReader;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import io.trailhound.source.vpcflow.FlowLogReader;
import io.trailhound.source.vpcflow.FlowRollup;
import io.trailhound.source.vpcflow.FlowSampler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads flow log and resolver log files in parallel on named worker threads. Records go to the
 * sinks on the thread that read them, so sinks must be thread-safe; records of one file arrive in
 * file order.
 */
public final class NetworkIngest {

  private static final int MAX_EXAMPLES = 5;

  private NetworkIngest() {}

  /** Reads every input of its kind and reports what was read and skipped. */
  public static NetworkReport run(
      List<Input> flowInputs,
      List<Input> dnsInputs,
      NetworkOptions options,
      Consumer<FlowRecord> flows,
      Consumer<DnsQuery> queries) {
    if (flowInputs.isEmpty() && dnsInputs.isEmpty()) {
      return NetworkReport.NONE;
    }
    SkipLog skips = new SkipLog(MAX_EXAMPLES);
    ReadCounts flowCounts = new ReadCounts();
    ReadCounts dnsCounts = new ReadCounts();
    FlowLogReader flowReader = new FlowLogReader(options.flowFormat(), skips, flowCounts);
    DnsLogReader dnsReader = new DnsLogReader(skips, dnsCounts);
    java.util.concurrent.atomic.LongAdder evaluated = new java.util.concurrent.atomic.LongAdder();
    ExecutorService workers = Workers.pool("net", options.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Input input : flowInputs) {
        futures.add(
            workers.submit(
                () -> {
                  flowCounts.bytes.add(Math.max(input.size(), 0));
                  long[] kept = {0};
                  Consumer<FlowRecord> sink =
                      r -> {
                        kept[0]++;
                        flows.accept(r);
                      };
                  FlowRollup rollup = null;
                  if (options.rollup()) {
                    rollup = new FlowRollup(sink);
                    sink = rollup;
                  }
                  if (options.sample() > 1) {
                    sink = new FlowSampler(options.sample(), sink);
                  }
                  if (parquet(input)) {
                    flowReader.readColumnar(
                        input.location(), input.path(), options.parquet(), sink);
                  } else {
                    InputStream in = open(input, skips);
                    if (in != null) {
                      flowReader.read(input.location(), in, sink);
                    }
                  }
                  if (rollup != null) {
                    rollup.flush();
                  }
                  evaluated.add(kept[0]);
                }));
      }
      for (Input input : dnsInputs) {
        futures.add(
            workers.submit(
                () -> {
                  dnsCounts.bytes.add(Math.max(input.size(), 0));
                  InputStream in = open(input, skips);
                  if (in != null) {
                    dnsReader.read(input.location(), in, queries);
                  }
                }));
      }
      for (Future<?> f : futures) {
        Workers.await(f, "reading network logs");
      }
    } finally {
      workers.shutdownNow();
    }
    return new NetworkReport(
        flowCounts.files.sum(),
        flowCounts.bytes.sum(),
        flowCounts.records.sum(),
        flowCounts.delivered.sum(),
        evaluated.sum(),
        flowCounts.noData.sum(),
        flowCounts.skipData.sum(),
        dnsCounts.files.sum(),
        dnsCounts.bytes.sum(),
        dnsCounts.records.sum(),
        dnsCounts.delivered.sum(),
        skips.counts(),
        skips.examples());
  }

  private static boolean parquet(Input input) {
    try (InputStream in = Files.newInputStream(input.path())) {
      return LogSniffer.isParquet(in.readNBytes(4));
    } catch (IOException | RuntimeException e) {
      return false; // the text reader's open reports it
    }
  }

  private static InputStream open(Input input, SkipLog skips) {
    try {
      return Files.newInputStream(input.path());
    } catch (IOException | RuntimeException e) {
      skips.skip(SkipReason.UNREADABLE, input.location(), -1, e.getClass().getSimpleName());
      return null;
    }
  }
}
