package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailhound.event.Event;
import io.trailhound.source.SkipReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads one input: frames top-level values and the records of envelopes, and hands each record to
 * the pipeline. Decides the layout from the bytes: {@code [...]} arrays, {@code {"Records":[...]}}
 * (and the lookup-events and Lake envelopes), concatenated objects, and JSON lines (when the first
 * object ends on its first line, every later line is a record of its own, so a bad line costs only
 * itself). Stops at the first error it cannot step over (a broken array separator, the end of input
 * inside a record) after counting it; every record completed before is kept.
 */
final class FileReading {

  private enum Kind {
    LOOSE,
    RECORD,
    LOOKUP,
    LAKE
  }

  private final String location;
  private final Framer framer;
  private final RecordBuffer buf;
  private final RecordBuffer key = new RecordBuffer(64 * 1024);
  private final RecordBuffer discard = new RecordBuffer(0);
  private final RecordPipeline pipe;
  private final Consumer<Event> out;
  private final long maxRecordBytes;
  private long index;

  FileReading(
      String location,
      InputStream in,
      RecordPipeline pipe,
      long maxRecordBytes,
      Consumer<Event> out) {
    this(location, new Framer(in), pipe, maxRecordBytes, out, 0);
  }

  private FileReading(
      String location,
      Framer framer,
      RecordPipeline pipe,
      long maxRecordBytes,
      Consumer<Event> out,
      long index) {
    this.location = location;
    this.framer = framer;
    this.pipe = pipe;
    this.maxRecordBytes = maxRecordBytes;
    this.buf = new RecordBuffer(maxRecordBytes);
    this.out = out;
    this.index = index;
  }

  /** Index the next record will get; where a failure of the whole stream is reported. */
  long index() {
    return index;
  }

  void run() throws IOException {
    framer.skipBom();
    boolean first = true;
    while (true) {
      int b = framer.peekNonWs(null);
      if (b == Framer.EOF) {
        return;
      }
      if (b == '[') {
        framer.read(null);
        if (!array(Kind.LOOSE)) {
          return;
        }
      } else if (b == '{') {
        Boolean oneLine = object();
        if (oneLine == null) {
          return;
        }
        if (first && oneLine) {
          lines();
          return;
        }
      } else {
        SkipReason reason = first ? SkipReason.UNKNOWN_FORMAT : SkipReason.INVALID_JSON;
        skip(reason, index, first ? "input is not JSON objects or arrays" : "unexpected byte");
        framer.drain();
        return;
      }
      first = false;
    }
  }

  /**
   * A top-level object. Returns null when reading must stop, else whether it was a lone record that
   * fitted on one line.
   */
  private Boolean object() throws IOException {
    buf.clear();
    framer.read(buf);
    int b = framer.peekNonWs(buf);
    if (b == '"') {
      int keyStart = buf.stored();
      framer.read(buf);
      Framer.Status s = framer.scan(buf, 0, true);
      if (s != Framer.Status.OK) {
        return truncated();
      }
      if (!buf.overflowed()) {
        String name = decode(buf.toBytes(keyStart, buf.stored()));
        if (Shapes.ENVELOPE_KEYS.contains(name)) {
          buf.clear();
          return envelope(name) ? Boolean.FALSE : null;
        }
      }
    }
    Framer.Status s = b == '}' ? status(framer.read(buf)) : framer.scan(buf, 1, false);
    if (s != Framer.Status.OK) {
      return truncated();
    }
    long i = index++;
    pipe.report().records.increment();
    if (buf.overflowed()) {
      tooLarge(i);
      return Boolean.FALSE;
    }
    byte[] bytes = buf.toBytes();
    if (pipe.loose(bytes, location, i, out) == RecordPipeline.Loose.ENVELOPE) {
      // only if the framer and Jackson disagree on the first member name; never loop on it
      skip(SkipReason.UNKNOWN_FORMAT, i, "wrapper object whose first member could not be read");
    }
    return !buf.contains((byte) '\n');
  }

  private static Framer.Status status(int b) {
    return b == Framer.EOF ? Framer.Status.EOF : Framer.Status.OK;
  }

  /** A member name from its quoted bytes; Jackson decodes escapes, if there are any. */
  private String decode(byte[] quoted) throws IOException {
    boolean escaped = false;
    for (byte c : quoted) {
      escaped |= c == '\\';
    }
    if (!escaped) {
      return new String(quoted, 1, quoted.length - 2, StandardCharsets.UTF_8);
    }
    try (JsonParser p = pipe.jackson().lenient.createParser(quoted)) {
      return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  /** The members of a wrapper object, after its first member name. False when reading stops. */
  private boolean envelope(String first) throws IOException {
    String name = first;
    while (true) {
      if (framer.peekNonWs(null) != ':') {
        return broken("expected ':' after a member name");
      }
      framer.read(null);
      Kind kind =
          switch (name) {
            case "Records" -> Kind.RECORD;
            case "Events" -> Kind.LOOKUP;
            case "QueryResultRows" -> Kind.LAKE;
            // findings and Graph pages: each element is classified on its own
            case "Findings", "findings", "value" -> Kind.LOOSE;
            default -> null;
          };
      if (kind != null && framer.peekNonWs(null) == '[') {
        framer.read(null);
        if (!array(kind)) {
          return false;
        }
      } else {
        discard.clear();
        discard.discard();
        if (framer.readValue(discard) != Framer.Status.OK) {
          return broken("bad value of member " + (kind == null ? "" : name));
        }
      }
      int b = framer.peekNonWs(null);
      framer.read(null);
      if (b == '}') {
        return true;
      }
      if (b != ',' || framer.peekNonWs(null) != '"') {
        return broken("expected ',' or '}' in the wrapper object");
      }
      key.clear();
      if (framer.readValue(key) != Framer.Status.OK || key.overflowed()) {
        return broken("bad member name");
      }
      name = decode(key.toBytes());
    }
  }

  /** The elements of an array, its '[' consumed. False when reading must stop. */
  private boolean array(Kind kind) throws IOException {
    int b = framer.peekNonWs(null);
    if (b == ']') {
      framer.read(null);
      return true;
    }
    while (true) {
      buf.clear();
      Framer.Status s = framer.readValue(buf);
      if (s == Framer.Status.EOF) {
        if (buf.length() == 0) {
          skip(SkipReason.TRUNCATED, index, "input ends before the array is closed");
          return false;
        }
        return truncated() != null;
      }
      if (s == Framer.Status.STRAY) {
        return broken("expected a record");
      }
      long i = index++;
      pipe.report().records.increment();
      if (buf.overflowed()) {
        tooLarge(i);
      } else {
        byte[] bytes = buf.toBytes();
        switch (kind) {
          case RECORD -> pipe.event(bytes, location, i, out);
          case LOOKUP -> pipe.lookup(bytes, location, i, out);
          case LAKE -> pipe.lake(bytes, location, i, out);
          case LOOSE -> loose(bytes, i);
        }
      }
      b = framer.peekNonWs(null);
      framer.read(null);
      if (b == ']') {
        return true;
      }
      if (b == Framer.EOF) {
        skip(SkipReason.TRUNCATED, index, "input ends before the array is closed");
        return false;
      }
      if (b != ',') {
        return broken("expected ',' or ']' after a record");
      }
    }
  }

  /** A record of unknown kind; a wrapper object found on a line is read as an input of its own. */
  private void loose(byte[] bytes, long i) throws IOException {
    if (pipe.loose(bytes, location, i, out) == RecordPipeline.Loose.ENVELOPE) {
      pipe.report().records.decrement();
      index = i;
      nested(bytes);
    }
  }

  /** JSON lines: each line is framed on its own, so a bad line does not affect the next. */
  private void lines() throws IOException {
    long line = 0;
    while (true) {
      if (!framer.available()) {
        return;
      }
      // Most lines are events read where they lie, found to end at their newline as they are read.
      int at = framer.position();
      ByteCapturer.Line quick = pipe.line(framer.buffer(), at, framer.limit());
      if (quick != null && quick.next() - 1 - at <= maxRecordBytes) {
        byte[] raw = Arrays.copyOfRange(framer.buffer(), quick.from(), quick.to());
        framer.skipTo(quick.next());
        line++;
        long i = index++;
        pipe.report().records.increment();
        pipe.line(quick, raw, location, i, out);
        continue;
      }
      byte[] bytes = framer.lineInBuffer(maxRecordBytes);
      if (bytes == null) {
        buf.clear();
        if (!framer.readLine(buf)) {
          return;
        }
        if (buf.overflowed()) {
          line++;
          pipe.report().records.increment();
          tooLarge(index++);
          continue;
        }
        bytes = trim(buf.toBytes());
      }
      line++;
      if (bytes.length == 0) {
        continue;
      }
      if (bytes[0] == '{') {
        long i = index++;
        pipe.report().records.increment();
        loose(bytes, i);
      } else if (bytes[0] == '[') {
        nested(bytes);
      } else {
        pipe.report().records.increment();
        skip(SkipReason.INVALID_JSON, index++, "line " + line + " is not a JSON object");
      }
    }
  }

  private void nested(byte[] bytes) throws IOException {
    Framer inner =
        new Framer(new ByteArrayInputStream(bytes), Math.max(1, Math.min(bytes.length, 64 * 1024)));
    FileReading sub = new FileReading(location, inner, pipe, maxRecordBytes, out, index);
    sub.run();
    index = sub.index;
  }

  private static byte[] trim(byte[] b) {
    int from = 0;
    int to = b.length;
    while (from < to && (b[from] == ' ' || b[from] == '\t' || b[from] == '\r')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t' || b[to - 1] == '\r')) {
      to--;
    }
    return from == 0 && to == b.length ? b : Arrays.copyOfRange(b, from, to);
  }

  private void tooLarge(long i) {
    skip(SkipReason.TOO_LARGE, i, "record of " + buf.length() + " bytes, limit " + maxRecordBytes);
  }

  private Boolean truncated() {
    pipe.report().records.increment();
    skip(SkipReason.TRUNCATED, index++, "input ends inside a record");
    return null;
  }

  private boolean broken(String detail) throws IOException {
    skip(SkipReason.INVALID_JSON, index, detail + "; rest of input not read");
    framer.drain();
    return false;
  }

  private void skip(SkipReason reason, long i, String detail) {
    pipe.report().skip(reason, location, i, detail);
  }
}
