package io.trailhound.source.vpcflow;

import com.fasterxml.jackson.core.JacksonException;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.LogStatus;
import io.trailhound.source.SkipReason;
import io.trailhound.source.text.CloudWatchMessages;
import io.trailhound.source.text.Decompress;
import io.trailhound.source.text.Lines;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads flow log files: plain or gzipped text (with or without a header line), CloudWatch Logs
 * exports and, through a {@link ColumnarFlowReader}, Parquet delivery. Safe for concurrent use:
 * each call keeps its own parser. Never throws for bad input; problems become counted skips with
 * file and line.
 */
public final class FlowLogReader {

  /** Lines longer than this are not flow records (the longest real format is under 2 KiB). */
  public static final int MAX_LINE = 16 * 1024;

  private final FlowFormat given;
  private final SkipLog skips;
  private final ReadCounts counts;

  /**
   * @param given the format of header-less lines ({@code --flow-format}), or null for the default
   * @param skips where skips are counted
   * @param counts where records are counted
   */
  public FlowLogReader(FlowFormat given, SkipLog skips, ReadCounts counts) {
    this.given = given == null ? FlowFormat.DEFAULT : given;
    this.skips = skips;
    this.counts = counts;
  }

  /** Reads one input to its end (the stream is closed) and hands every record to {@code sink}. */
  public void read(String location, InputStream raw, Consumer<FlowRecord> sink) {
    counts.files.increment();
    FileState state = new FileState(location, sink);
    try (InputStream in = new BufferedInputStream(Decompress.open(raw), 65536)) {
      if (startsWithJson(in)) {
        CloudWatchMessages.read(in, state::message);
      } else {
        new Lines(MAX_LINE).read(in, state);
      }
    } catch (JacksonException e) {
      skips.skip(
          SkipReason.INVALID_JSON,
          location,
          state.lastLine + 1,
          "CloudWatch export: " + e.getOriginalMessage());
    } catch (EOFException e) {
      skips.skip(
          SkipReason.TRUNCATED,
          location,
          state.lastLine + 1,
          "input ends inside a line; lines before it kept");
    } catch (ZipException e) {
      skips.skip(
          SkipReason.CORRUPT_GZIP,
          location,
          state.lastLine + 1,
          "gzip stream damaged (" + e.getMessage() + "); lines before it kept");
    } catch (IOException e) {
      skips.skip(SkipReason.UNREADABLE, location, -1, e.getClass().getSimpleName());
    } finally {
      state.flush();
    }
  }

  /**
   * Reads one Parquet file through {@code columnar} (null when none is plugged in: the file is a
   * counted skip). Each row is checked like a text line of the same columns.
   */
  public void readColumnar(
      String location, Path file, ColumnarFlowReader columnar, Consumer<FlowRecord> sink) {
    counts.files.increment();
    if (columnar == null) {
      skips.skip(SkipReason.UNKNOWN_FORMAT, location, -1, "Parquet needs the DuckDB reader");
      return;
    }
    FileState state = new FileState(location, sink);
    ColumnarRows rows = new ColumnarRows(state);
    try {
      columnar.read(file, rows);
    } catch (IOException | RuntimeException e) {
      skips.skip(
          SkipReason.UNREADABLE,
          location,
          state.lines > 0 ? state.lastLine + 1 : -1,
          "Parquet: " + e.getMessage() + (state.lines > 0 ? "; rows before it kept" : ""));
    } finally {
      state.flush();
    }
  }

  /** Turns columnar rows into the text line of their columns, so both paths share one parser. */
  private final class ColumnarRows implements ColumnarFlowReader.Rows {
    private final FileState state;
    private final StringBuilder line = new StringBuilder(256);
    private boolean usable;

    ColumnarRows(FileState state) {
      this.state = state;
    }

    @Override
    public void columns(List<String> names) {
      try {
        state.use(FlowFormat.of(String.join(" ", names)));
        usable = true;
      } catch (IllegalArgumentException e) {
        skips.skip(
            SkipReason.UNKNOWN_FORMAT, state.location, -1, "Parquet columns: " + e.getMessage());
      }
    }

    @Override
    public void row(String[] values, long rowNo) {
      if (!usable) {
        return;
      }
      line.setLength(0);
      for (int i = 0; i < values.length; i++) {
        String v = values[i];
        if (i > 0) {
          line.append(' ');
        }
        // A missing value is what text delivery writes as "-"; a blank inside a value would shift
        // the columns, so it is made visible instead and fails the field's own check.
        line.append(v == null || v.isEmpty() ? "-" : v.replace(' ', '_').replace('\t', '_'));
      }
      state.message(line.toString(), rowNo);
    }
  }

  private static boolean startsWithJson(InputStream in) throws IOException {
    in.mark(4096);
    try {
      for (int i = 0; i < 4096; i++) {
        int c = in.read();
        if (c < 0) {
          return false;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB
            && c != 0xBF) {
          return c == '{' || c == '[';
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /** Per-file parsing state: the current format (a header line replaces it). */
  private final class FileState implements Lines.Sink {
    private final String location;
    private final Consumer<FlowRecord> sink;
    private FlowLineParser parser;
    private FlowFormat format;
    private long lastLine = -1;
    // Counted locally and added once per file: a shared counter per line costs more than parsing.
    private long lines;
    private long delivered;
    private long noData;
    private long skipData;

    void use(FlowFormat f) {
      format = f;
      parser = new FlowLineParser(f);
    }

    void flush() {
      counts.records.add(lines);
      counts.delivered.add(delivered);
      counts.noData.add(noData);
      counts.skipData.add(skipData);
      lines = delivered = noData = skipData = 0;
    }

    FileState(String location, Consumer<FlowRecord> sink) {
      this.location = location;
      this.sink = sink;
      this.format = given;
      this.parser = new FlowLineParser(given);
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNo) {
      lastLine = lineNo;
      if (blank(buf, off, len)) {
        return;
      }
      byte first = buf[off];
      if (first >= 'a' && first <= 'z' || first == '$') {
        String text = new String(buf, off, len, StandardCharsets.UTF_8);
        if (first == '$' || FlowFormat.isHeader(text)) {
          try {
            format = FlowFormat.of(text);
            parser = new FlowLineParser(format);
          } catch (IllegalArgumentException e) {
            skips.skip(SkipReason.UNKNOWN_FORMAT, location, lineNo, "header: " + e.getMessage());
          }
          return;
        }
      }
      lines++;
      try {
        deliver(parser.parse(buf, off, len));
      } catch (FlowLineException e) {
        skips.skip(e.reason(), location, lineNo, detail(e));
      }
    }

    void message(String text, long index) {
      lastLine = index;
      if (text.isBlank()) {
        return;
      }
      lines++;
      try {
        deliver(parser.parse(text.strip()));
      } catch (FlowLineException e) {
        skips.skip(e.reason(), location, index, detail(e));
      }
    }

    private String detail(FlowLineException e) {
      return e.reason() == SkipReason.FIELD_COUNT
          ? e.getMessage()
              + " ("
              + (format == given && given == FlowFormat.DEFAULT
                  ? "no header line; give the format with --flow-format"
                  : "format: " + String.join(" ", format.names()))
              + ")"
          : e.getMessage();
    }

    private void deliver(FlowRecord r) {
      if (r.status() == LogStatus.NODATA) {
        noData++;
      } else if (r.status() == LogStatus.SKIPDATA) {
        skipData++;
      }
      delivered++;
      sink.accept(r);
    }

    @Override
    public void tooLong(long lineNo, long length) {
      lastLine = lineNo;
      lines++;
      skips.skip(SkipReason.TOO_LARGE, location, lineNo, "line of " + length + " bytes");
    }
  }

  private static boolean blank(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
