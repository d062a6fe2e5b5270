package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Event;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.Origin;
import io.trailhound.event.TreeFields;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one framed record into an event, or a counted skip: validates UTF-8, captures the wanted
 * fields in one streaming pass, normalises, deduplicates, delivers. Thread-safe: shared by all
 * workers of a run.
 */
final class RecordPipeline {

  private final Jackson jackson;
  private final PathTrie trie;
  private final boolean allText;
  private final EventIdSet ids;
  private final ReportBuilder report;
  private final ForeignRecords foreign;

  /** The capture slot of each of the normaliser's paths, by its index. */
  private final int[] normaliserSlots;

  /** A capturer per worker thread: it keeps scratch arrays between records. */
  private final ThreadLocal<Capturer> capturers;

  /**
   * The byte-level capturer per worker thread, which reads most records without a parser; null when
   * every string is wanted (keyword rules), which only the Jackson path captures.
   */
  private final ThreadLocal<ByteCapturer> byteCapturers;

  RecordPipeline(IngestOptions options, EventIdSet ids, ReportBuilder report) {
    this.jackson = new Jackson(options.maxRecordBytes());
    Set<String> paths = new HashSet<>(options.capturePaths());
    paths.addAll(Normaliser.PATHS);
    this.trie =
        PathTrie.build(paths, Normaliser.SUBTREES, Normaliser.PATH_LIST)
            .share(Normaliser.SHARED)
            .memo(Normaliser.MEMO, Normaliser.IDENTITY);
    this.allText = options.captureAllText();
    this.ids = ids;
    this.report = report;
    this.foreign = new ForeignRecords(jackson, ids, report, options.onFinding());
    this.normaliserSlots = Normaliser.PATH_LIST.stream().mapToInt(trie::slot).toArray();
    this.capturers = ThreadLocal.withInitial(() -> new Capturer(trie, allText, jackson));
    this.byteCapturers = allText ? null : ThreadLocal.withInitial(() -> new ByteCapturer(trie));
  }

  Jackson jackson() {
    return jackson;
  }

  ReportBuilder report() {
    return report;
  }

  /** A record known to be a CloudTrail event (from a Records array, lookup-events or Lake). */
  void event(byte[] raw, String location, long index, Consumer<Event> out) {
    event(raw, false, location, index, out);
  }

  /**
   * Reads the JSON line at {@code buf[from]} in place (see {@link ByteCapturer#captureLine}), or
   * answers null when it must be framed and read as a record of unknown kind; nothing is counted.
   */
  ByteCapturer.Line line(byte[] buf, int from, int limit) {
    return byteCapturers == null ? null : byteCapturers.get().captureLine(buf, from, limit);
  }

  /** A line {@link #line} read: its event, with {@code raw} the record's bytes, or a skip. */
  void line(ByteCapturer.Line line, byte[] raw, String location, long index, Consumer<Event> out) {
    event(line.capture(), raw, false, location, index, out);
  }

  private void event(
      byte[] raw, boolean validUtf8, String location, long index, Consumer<Event> out) {
    event(null, raw, validUtf8, location, index, out);
  }

  /**
   * {@code validUtf8}: the caller has already checked the bytes are valid UTF-8; {@code captured}:
   * the byte-level capture of {@code raw}, when the caller made it.
   */
  private void event(
      Capture captured,
      byte[] raw,
      boolean validUtf8,
      String location,
      long index,
      Consumer<Event> out) {
    Event event;
    try {
      event = build(captured, raw, validUtf8, location, index);
    } catch (RecordException e) {
      report.skip(e.reason(), location, index, e.getMessage());
      return;
    }
    if (event == null) {
      return;
    }
    report.events.increment();
    out.accept(event);
  }

  private Event build(Capture captured, byte[] raw, boolean validUtf8, String location, long index)
      throws RecordException {
    FieldAccess fields;
    Normaliser.Fields normalised;
    JsonNode resources;
    // The byte-level capture checks the UTF-8 itself; a record it declines is checked here.
    Capture quick =
        captured != null || byteCapturers == null ? captured : byteCapturers.get().capture(raw);
    int bad = quick != null || validUtf8 ? -1 : Utf8.firstInvalid(raw);
    if (bad >= 0) {
      throw new RecordException(SkipReason.INVALID_UTF8, "invalid UTF-8 at byte " + bad);
    }
    if (quick != null) {
      Normaliser.Normalised n =
          Normaliser.normalise(
              Normaliser.Fields.of(quick, normaliserSlots), quick.resources(), raw);
      // the remembered entry is the reader's: an event kept by detection must not hold it
      quick.memo(null);
      return deduplicated(n, raw, new CapturedFields(trie, quick, raw), location, index);
    }
    try {
      try (JsonParser p = jackson.recordParser(raw)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new RecordException(SkipReason.WRONG_TYPE, "record is not a JSON object");
        }
        Capture capture = capturers.get().capture(p);
        if (p.nextToken() != null) {
          throw new RecordException(SkipReason.INVALID_JSON, "content after the record");
        }
        fields = new CapturedFields(trie, capture, raw);
        normalised = Normaliser.Fields.of(capture, normaliserSlots);
        resources = capture.subtree("resources");
      } catch (JsonProcessingException e) {
        if (!Jackson.isDuplicate(e)) {
          throw e;
        }
        JsonNode tree = tree(raw);
        fields = new TreeFields(tree);
        normalised = Normaliser.Fields.of(fields);
        resources = tree.get("resources");
      }
    } catch (IOException e) {
      throw Jackson.classify(e);
    } catch (RuntimeException e) {
      throw new RecordException(SkipReason.INVALID_JSON, "unreadable: " + e.getClass().getName());
    }
    return deduplicated(
        Normaliser.normalise(normalised, resources, raw), raw, fields, location, index);
  }

  /** The event, or null when its id was seen before. */
  private Event deduplicated(
      Normaliser.Normalised n, byte[] raw, FieldAccess fields, String location, long index) {
    if (!n.syntheticId()) {
      EventIdSet.Result r = ids.add(n.view().eventId());
      if (r == EventIdSet.Result.DUPLICATE) {
        report.duplicates.increment();
        return null;
      }
      if (r == EventIdSet.Result.UNCHECKED && ids.claimWarning()) {
        report.skip(SkipReason.DEDUPE_CAP_REACHED, location, index, "later ids not deduplicated");
      }
    }
    return new Event(
        CloudTrailReader.SOURCE_TYPE, new Origin(location, index), raw, n.view(), fields);
  }

  /** The whole record as a tree (used only for records with duplicate member names). */
  private JsonNode tree(byte[] raw) throws IOException, RecordException {
    try (JsonParser p = jackson.lenient.createParser(raw)) {
      JsonNode tree = jackson.mapper.readTree(p);
      if (p.nextToken() != null) {
        throw new RecordException(SkipReason.INVALID_JSON, "content after the record");
      }
      return tree;
    }
  }

  /** Outcome of {@link #loose}. */
  enum Loose {
    HANDLED,
    /** The object is a Records / lookup-events / Lake envelope: frame it as an input of its own. */
    ENVELOPE
  }

  /**
   * A top-level object of unknown kind: a CloudTrail event, an EventBridge envelope, a digest, a
   * record of another log type or another tool's finding ({@link Foreign}), or something else.
   */
  Loose loose(byte[] bytes, String location, long index, Consumer<Event> out) {
    if (Shapes.firstNameIsAnEventKey(bytes)) {
      // what classify would answer first; the UTF-8 is checked while capturing
      event(bytes, false, location, index, out);
      return Loose.HANDLED;
    }
    Shapes.Kind kind;
    try {
      kind = Shapes.classify(bytes, jackson);
    } catch (RecordException e) {
      report.skip(e.reason(), location, index, e.getMessage());
      return Loose.HANDLED;
    }
    switch (kind.shape()) {
      case EVENT -> event(bytes, true, location, index, out); // classify checked the UTF-8
      case EVENTBRIDGE -> event(kind.detail(bytes), location, index, out);
      case DIGEST -> report.digests.increment();
      case FOREIGN ->
          foreign.handle(
              kind.foreign(), kind.hasDetail() ? kind.detail(bytes) : bytes, location, index, out);
      case ENVELOPE -> {
        return Loose.ENVELOPE;
      }
      case UNKNOWN -> report.skip(SkipReason.UNKNOWN_FORMAT, location, index, kind.why());
    }
    return Loose.HANDLED;
  }

  /** One entry of {@code aws cloudtrail lookup-events}: the event is the CloudTrailEvent string. */
  void lookup(byte[] bytes, String location, long index, Consumer<Event> out) {
    try {
      event(Shapes.lookupEvent(bytes, jackson), location, index, out);
    } catch (RecordException e) {
      report.skip(e.reason(), location, index, e.getMessage());
    }
  }

  /** One CloudTrail Lake result row: the event is rebuilt from its columns. */
  void lake(byte[] bytes, String location, long index, Consumer<Event> out) {
    try {
      event(Shapes.lakeRow(bytes, jackson), location, index, out);
    } catch (RecordException e) {
      report.skip(e.reason(), location, index, e.getMessage());
    }
  }
}
