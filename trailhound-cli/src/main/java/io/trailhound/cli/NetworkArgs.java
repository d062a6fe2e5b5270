package io.trailhound.cli;

import io.trailhound.detect.network.IntelLists;
import io.trailhound.detect.network.LambdaInterfaces;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.parquet.DuckDbFlowReader;
import io.trailhound.scan.IndicatorReputation;
import io.trailhound.scan.NetworkScan;
import io.trailhound.source.net.NetworkOptions;
import io.trailhound.source.vpcflow.FlowFormat;

/**
 * The network-log options of {@code scan}, checked and turned into a {@link NetworkScan}; the
 * {@code --intel} lists reach the network detectors through {@link IndicatorReputation}.
 */
final class NetworkArgs {

  private NetworkArgs() {}

  /** The Lambda interface inventory of {@code --lambda-interfaces} (empty without the option). */
  static LambdaInterfaces lambdaInterfaces(java.nio.file.Path file) {
    if (file == null) {
      return new LambdaInterfaces();
    }
    try (java.io.Reader in =
        java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      return LambdaInterfaces.read(file.toString(), in);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new UsageError("--lambda-interfaces: " + e.getMessage());
    }
  }

  static NetworkScan scan(
      String flowFormat, boolean rollup, int sample, int threads, IndicatorSet intel) {
    if (sample < 1) {
      throw new UsageError("--flow-sample must be at least 1");
    }
    FlowFormat format = null;
    if (flowFormat != null) {
      try {
        format = FlowFormat.of(flowFormat);
      } catch (IllegalArgumentException e) {
        throw new UsageError("--flow-format: " + e.getMessage());
      }
    }
    IntelLists builtin = IntelLists.builtin();
    return NetworkScan.defaults()
        .withOptions(new NetworkOptions(format, rollup, sample, threads, new DuckDbFlowReader()))
        .withReputation(new IndicatorReputation(intel, builtin, builtin));
  }
}
