package io.trailhound.source.cloudtrail;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Turns records kept as raw JSON (one per line, e.g. read back from an event store) into {@link
 * Event}s through the same detection, framing and normalisation as a scan, so anything derived from
 * them (investigation records, rule matches) is what the scan saw.
 */
public final class RawRecords {

  private RawRecords() {}

  /**
   * The events of {@code jsonLines} (newline-separated records), in input order; records the
   * readers reject are skipped, as in a scan.
   *
   * @param capture raw paths to keep beyond the normalised view
   */
  public static List<Event> read(byte[] jsonLines, Set<String> capture, Clock clock) {
    if (jsonLines.length == 0) {
      return List.of();
    }
    List<Event> out = Collections.synchronizedList(new ArrayList<>());
    IngestOptions options =
        IngestOptions.defaults().withCapture(capture, false).withThreads(1).withDedupeCap(1 << 16);
    new IngestService(clock, new ByteArrayInputStream(jsonLines))
        .run(List.of(Input.stdin()), options, out::add);
    return List.copyOf(out);
  }
}
