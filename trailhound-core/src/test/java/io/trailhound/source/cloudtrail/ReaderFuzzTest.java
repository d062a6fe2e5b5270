package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailhound.event.Event;
import io.trailhound.event.TreeFields;
import java.io.IOException;

/**
 * Fuzzes the reader with arbitrary bytes. In the normal build it replays the seeds under
 * ReaderFuzzTestInputs/reader_never_throws; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class ReaderFuzzTest {

  private static final IngestOptions OPTIONS =
      Fixtures.options().withMaxRecordBytes(64 * 1024).withCapture(java.util.Set.of("a.b"), true);

  @FuzzTest(maxDuration = "30s")
  void reader_never_throws(byte[] input) throws IOException {
    Fixtures.Result r = Fixtures.readStream(OPTIONS, input);
    IngestReport report = r.report();
    assertThat(report).isNotNull();
    assertThat(report.filesRead()).isEqualTo(1);
    assertThat(report.eventsDelivered() + report.duplicates())
        .isLessThanOrEqualTo(report.recordsSeen());
    for (Event e : r.events()) {
      TreeFields tree = new TreeFields(Generated.JSON.readTree(e.rawBytes()));
      for (String path : JsonPaths.all(Generated.JSON.readTree(e.rawBytes()))) {
        assertThat(e.values(path)).isEqualTo(tree.values(path));
      }
    }
  }
}
