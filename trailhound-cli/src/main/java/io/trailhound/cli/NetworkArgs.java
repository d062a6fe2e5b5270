package io.trailhound.cli;

import io.trailhound.detect.network.IntelLists;
import io.trailhound.detect.network.ThreatKind;
import io.trailhound.scan.NetworkScan;
import io.trailhound.source.net.NetworkOptions;
import io.trailhound.source.vpcflow.FlowFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The network-log options of {@code scan}, checked and turned into a {@link NetworkScan}. */
final class NetworkArgs {

  private NetworkArgs() {}

  static NetworkScan scan(
      String flowFormat, boolean rollup, int sample, int threads, List<Path> intel) {
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
    IntelLists.Builder lists = IntelLists.builtinBuilder();
    for (Path p : intel) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        lists.read(p.toString(), r, ThreatKind.CUSTOM);
      } catch (IOException e) {
        throw new UsageError(
            "--intel " + p + ": cannot read (" + e.getClass().getSimpleName() + ")");
      } catch (IllegalArgumentException e) {
        throw new UsageError("--intel " + e.getMessage());
      }
    }
    return NetworkScan.defaults()
        .withOptions(new NetworkOptions(format, rollup, sample, threads))
        .withIntel(lists.build());
  }
}
