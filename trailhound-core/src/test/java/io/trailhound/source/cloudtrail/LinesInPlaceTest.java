package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.source.Input;
import io.trailhound.source.Skip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * JSON lines read in place in the read buffer (see {@link ByteCapturer#captureLine}) give what the
 * Jackson path gives on the same input: the same events with the same raw bytes, views and field
 * values, and the same skips with the same reasons, whatever the whitespace around a line, a record
 * cut by the end of a read buffer, a record spread over two lines, bytes after a record or a line
 * over the size limit. The lines are those of the fixtures, good and bad.
 */
class LinesInPlaceTest {

  private static final List<String> PATHS =
      List.of("eventName", "userIdentity.arn", "requestParameters.bucketName", "resources.ARN");

  /** Lines of the fixtures; the first is a good event, so the input is read as JSON lines. */
  private static final List<byte[]> LINES = lines();

  private static List<byte[]> lines() {
    List<byte[]> out = new ArrayList<>();
    for (String name :
        List.of(
            "bad/invalid-lines.jsonl",
            "bad/non-utf8-lines.jsonl",
            "bad/duplicate-keys.jsonl",
            "formats/lines.jsonl",
            "formats/eventbridge-lines.jsonl")) {
      byte[] file = Fixtures.bytes(name);
      int start = 0;
      for (int i = 0; i <= file.length; i++) {
        if (i == file.length || file[i] == '\n') {
          if (i > start) {
            out.add(Arrays.copyOfRange(file, start, i));
          }
          start = i + 1;
        }
      }
    }
    return List.copyOf(out);
  }

  /** How a line is changed before it is written. */
  enum Change {
    NONE,
    BLANKS_AROUND,
    CRLF,
    OVER_TWO_LINES,
    MORE_AFTER,
    PADDING_LINE
  }

  record Line(int index, Change change, int width) {}

  @Property(tries = 150)
  void lines_read_in_place_agree_with_the_jackson_path(
      @ForAll("inputs") List<Line> lines, @ForAll("caps") long cap) {
    byte[] input = write(lines);
    Read quick = read(input, false, cap);
    Read reference = read(input, true, cap);
    assertThat(quick.events).isEqualTo(reference.events);
    assertThat(quick.skips).isEqualTo(reference.skips);
  }

  private static byte[] write(List<Line> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(LINES.get(0));
    out.write('\n');
    for (Line line : lines) {
      byte[] b = LINES.get(line.index() % LINES.size());
      switch (line.change()) {
        case NONE -> out.writeBytes(b);
        case BLANKS_AROUND -> {
          out.writeBytes(blanks(" \t", line.width() % 4));
          out.writeBytes(b);
          out.writeBytes(blanks(" \r", line.width() % 3));
        }
        case CRLF -> {
          out.writeBytes(b);
          out.write('\r');
        }
        case OVER_TWO_LINES -> {
          int cut = Math.min(b.length, 1 + line.width() % Math.max(1, b.length));
          out.write(b, 0, cut);
          out.write('\n');
          out.write(b, cut, b.length - cut);
        }
        case MORE_AFTER -> {
          out.writeBytes(b);
          out.write(' ');
          out.writeBytes(b);
        }
        case PADDING_LINE -> out.writeBytes(blanks(" ", line.width()));
      }
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] blanks(String unit, int times) {
    return unit.repeat(times).getBytes(StandardCharsets.US_ASCII);
  }

  /** What a read delivered and skipped, in a form that compares by value. */
  private record Read(List<String> events, List<String> skips) {}

  private static Read read(byte[] input, boolean jackson, long cap) {
    Set<String> paths = new HashSet<>(PATHS);
    List<String> skips = Collections.synchronizedList(new ArrayList<>());
    IngestOptions options =
        IngestOptions.defaults()
            .withCapture(paths, jackson)
            .withThreads(1)
            .withMaxRecordBytes(cap)
            .withOnSkip((Skip s) -> skips.add(s.toString()));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    new IngestService(Fixtures.CLOCK, new ByteArrayInputStream(input))
        .run(List.of(Input.stdin()), options, (Event e) -> events.add(describe(e)));
    return new Read(events, skips);
  }

  private static String describe(Event e) {
    StringBuilder s = new StringBuilder();
    s.append(e.origin()).append(' ').append(e.view()).append(' ').append(e.rawJson());
    for (String path : PATHS) {
      s.append(' ').append(path).append('=').append(e.values(path));
    }
    return s.toString();
  }

  @Provide
  Arbitrary<List<Line>> inputs() {
    Arbitrary<Line> line =
        Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.of(Change.class),
                Arbitraries.oneOf(
                    Arbitraries.integers().between(0, 40),
                    Arbitraries.integers().between(60_000, 70_000)))
            .as(Line::new);
    return line.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Long> caps() {
    return Arbitraries.of(16L << 20, 100L, 785L, 786L, 790L);
  }
}
