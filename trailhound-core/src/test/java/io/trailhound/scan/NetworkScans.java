package io.trailhound.scan;

import io.trailhound.detect.network.IntelLists;
import io.trailhound.detect.network.ThreatKind;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.source.net.NetworkOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Scans test files with the network detectors and the example intel list. */
public final class NetworkScans {

  private static final RuleCatalog NO_RULES =
      RuleCatalog.load(false, List.of(), Placeholders.none());

  private NetworkScans() {}

  /** The test resource folder {@code network/…}. */
  public static Path resource(String relative) {
    try {
      return Path.of(NetworkScans.class.getResource("/network/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The built-in lists plus {@code network/intel-example.txt}. */
  public static IntelLists intel() {
    try (Reader r =
        Files.newBufferedReader(resource("intel-example.txt"), StandardCharsets.UTF_8)) {
      return IntelLists.builtinBuilder().read("intel-example.txt", r, ThreatKind.CUSTOM).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scans the paths on one thread with default network options. */
  public static ScanResult scan(List<Path> paths) {
    return scan(paths, new NetworkOptions(null, false, 1, 1));
  }

  /** Scans the paths with these network options. */
  public static ScanResult scan(List<Path> paths, NetworkOptions options) {
    return new ScanService(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .scan(
            InputSpec.expand(paths.stream().map(Path::toString).toList()),
            NO_RULES,
            ScanOptions.defaults().withThreads(options.threads()),
            NetworkScan.defaults().withOptions(options).withIntel(intel()));
  }
}
