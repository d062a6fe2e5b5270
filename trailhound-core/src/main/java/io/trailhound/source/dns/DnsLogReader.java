package io.trailhound.source.dns;

import com.fasterxml.jackson.core.JacksonException;
import io.trailhound.event.net.DnsQuery;
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
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads resolver query logs: JSON lines (plain or gzipped), or a CloudWatch Logs export whose
 * messages are the JSON objects. Safe for concurrent use; never throws for bad input.
 */
public final class DnsLogReader {

  /** Longest accepted line; a query log object is well under 4 KiB. */
  public static final int MAX_LINE = 256 * 1024;

  private final SkipLog skips;
  private final ReadCounts counts;

  public DnsLogReader(SkipLog skips, ReadCounts counts) {
    this.skips = skips;
    this.counts = counts;
  }

  /** Reads one input to its end (the stream is closed). */
  public void read(String location, InputStream raw, Consumer<DnsQuery> sink) {
    counts.files.increment();
    long[] last = {-1};
    try (InputStream in = new BufferedInputStream(Decompress.open(raw), 65536)) {
      if (isExport(in)) {
        CloudWatchMessages.read(
            in,
            (msg, i) -> {
              last[0] = i;
              counts.records.increment();
              try {
                deliver(DnsRecordParser.query(DnsRecordParser.tree(msg)), sink);
              } catch (DnsRecordParser.Rejected e) {
                skips.skip(e.reason, location, i, e.getMessage());
              }
            });
      } else {
        new Lines(MAX_LINE)
            .read(
                in,
                new Lines.Sink() {
                  @Override
                  public void line(byte[] buf, int off, int len, long lineNo) {
                    last[0] = lineNo;
                    if (len == 0
                        || new String(
                                buf,
                                off,
                                Math.min(len, 8),
                                java.nio.charset.StandardCharsets.ISO_8859_1)
                            .isBlank()) {
                      return;
                    }
                    counts.records.increment();
                    try {
                      deliver(DnsRecordParser.query(DnsRecordParser.tree(buf, off, len)), sink);
                    } catch (DnsRecordParser.Rejected e) {
                      skips.skip(e.reason, location, lineNo, e.getMessage());
                    }
                  }

                  @Override
                  public void tooLong(long lineNo, long length) {
                    counts.records.increment();
                    skips.skip(
                        SkipReason.TOO_LARGE, location, lineNo, "line of " + length + " bytes");
                  }
                });
      }
    } catch (JacksonException e) {
      skips.skip(
          SkipReason.INVALID_JSON,
          location,
          last[0] + 1,
          "CloudWatch export: " + e.getOriginalMessage());
    } catch (EOFException e) {
      skips.skip(
          SkipReason.TRUNCATED,
          location,
          last[0] + 1,
          "input ends inside a record; records before it kept");
    } catch (ZipException e) {
      skips.skip(
          SkipReason.CORRUPT_GZIP,
          location,
          last[0] + 1,
          "gzip stream damaged; records before it kept");
    } catch (IOException e) {
      skips.skip(SkipReason.UNREADABLE, location, -1, e.getClass().getSimpleName());
    }
  }

  private void deliver(DnsQuery q, Consumer<DnsQuery> sink) {
    counts.delivered.increment();
    sink.accept(q);
  }

  /**
   * True for a CloudWatch export: the first line is not itself a query object (a pretty-printed
   * document, or {@code {"events":[...]}} on one line).
   */
  private static boolean isExport(InputStream in) throws IOException {
    in.mark(8192);
    try {
      byte[] head = in.readNBytes(8192);
      String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      String first = nl < 0 ? text : text.substring(0, nl);
      return (first.contains("\"logEvents\"")
              || first.contains("\"events\"")
              || !first.contains("\"query_name\""))
          && text.contains("\"message\"");
    } finally {
      in.reset();
    }
  }
}
