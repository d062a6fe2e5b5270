package io.trailhound.source.net;

import io.trailhound.source.vpcflow.ColumnarFlowReader;
import io.trailhound.source.vpcflow.FlowFormat;

/**
 * How network logs are read.
 *
 * @param flowFormat the format of header-less flow log lines, or null for the default format
 * @param rollup fold flow records into one-minute rollups per interface, remote, port and action
 * @param sample keep one accepted flow in this many (1 keeps all)
 * @param threads worker threads
 * @param parquet the reader of Parquet-delivered flow logs, or null when none is available (such
 *     files are then counted skips)
 */
public record NetworkOptions(
    FlowFormat flowFormat, boolean rollup, int sample, int threads, ColumnarFlowReader parquet) {

  public NetworkOptions {
    if (sample < 1) {
      throw new IllegalArgumentException("--flow-sample must be at least 1");
    }
    threads = Math.max(1, threads);
  }

  /** Options without a Parquet reader. */
  public NetworkOptions(FlowFormat flowFormat, boolean rollup, int sample, int threads) {
    this(flowFormat, rollup, sample, threads, null);
  }

  /** The same options reading Parquet with {@code reader}. */
  public NetworkOptions withParquet(ColumnarFlowReader reader) {
    return new NetworkOptions(flowFormat, rollup, sample, threads, reader);
  }

  /** Default format, every record, one thread per core. */
  public static NetworkOptions defaults() {
    return new NetworkOptions(null, false, 1, Runtime.getRuntime().availableProcessors());
  }
}
