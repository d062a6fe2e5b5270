package io.trailhound.source.vpcflow;

import io.trailhound.event.net.FlowRecord;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One read of a flow log in a test: the records, the skips and the counters. */
final class FlowReading {
  final List<FlowRecord> records = new ArrayList<>();
  final SkipLog skips = new SkipLog(20);
  final ReadCounts counts = new ReadCounts();

  static FlowReading of(Path file, FlowFormat format) {
    try {
      return of(file.toString(), Files.readAllBytes(file), format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FlowReading of(String location, byte[] bytes, FlowFormat format) {
    FlowReading r = new FlowReading();
    InputStream in = new ByteArrayInputStream(bytes);
    new FlowLogReader(format, r.skips, r.counts).read(location, in, r.records::add);
    return r;
  }

  static Path resource(String name) {
    try {
      return Path.of(FlowReading.class.getResource("/vpcflow/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
