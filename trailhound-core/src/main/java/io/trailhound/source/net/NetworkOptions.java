package io.trailhound.source.net;

import io.trailhound.source.vpcflow.FlowFormat;

/**
 * How network logs are read.
 *
 * @param flowFormat the format of header-less flow log lines, or null for the default format
 * @param rollup fold flow records into one-minute rollups per interface, remote, port and action
 * @param sample keep one accepted flow in this many (1 keeps all)
 * @param threads worker threads
 */
public record NetworkOptions(FlowFormat flowFormat, boolean rollup, int sample, int threads) {

  public NetworkOptions {
    if (sample < 1) {
      throw new IllegalArgumentException("--flow-sample must be at least 1");
    }
    threads = Math.max(1, threads);
  }

  /** Default format, every record, one thread per core. */
  public static NetworkOptions defaults() {
    return new NetworkOptions(null, false, 1, Runtime.getRuntime().availableProcessors());
  }
}
