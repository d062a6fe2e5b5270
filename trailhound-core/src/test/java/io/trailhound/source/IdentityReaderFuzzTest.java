package io.trailhound.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailhound.event.Event;
import io.trailhound.source.cloudtrail.CloudTrailReader;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.findings.ExternalFinding;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the reader with bytes shaped like identity logs and other tools' findings. In the normal
 * build it replays the seeds under IdentityReaderFuzzTestInputs/reader_never_throws (one file of
 * each format, good and bad); run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class IdentityReaderFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void reader_never_throws(byte[] input) {
    List<ExternalFinding> findings = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    CloudTrailReader reader =
        CloudTrailReader.create(
            IngestOptions.defaults()
                .withThreads(1)
                .withMaxRecordBytes(64 * 1024)
                .withOnFinding(findings::add));
    reader.read("fuzz", new ByteArrayInputStream(input), events::add);
    IngestReport report = reader.report();

    assertThat(report.filesRead()).isEqualTo(1);
    assertThat(report.eventsDelivered()).isEqualTo(events.size());
    assertThat(report.externalFindings()).isEqualTo(findings.size());
    for (Event e : events) {
      assertThat(e.view().eventId()).isNotEmpty();
      assertThat(e.view().time()).isNotNull();
      e.forEachText(text -> {});
    }
    for (ExternalFinding f : findings) {
      assertThat(f.lastSeen()).isAfterOrEqualTo(f.firstSeen());
    }
  }
}
