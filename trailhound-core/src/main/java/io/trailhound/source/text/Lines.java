package io.trailhound.source.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines as byte ranges of one reused buffer: no decoding, no copy per line.
 * {@code \n} ends a line and a {@code \r} before it is dropped; a last line without a newline is
 * still a line. Lines longer than the limit are reported, not buffered.
 */
public final class Lines {

  /** Receives lines. The range is only valid during the call. */
  public interface Sink {
    /** One line, {@code lineNo} counting from zero. */
    void line(byte[] buf, int off, int len, long lineNo);

    /** A line longer than the limit was passed over. */
    void tooLong(long lineNo, long length);
  }

  private final int maxLine;

  public Lines(int maxLine) {
    this.maxLine = maxLine;
  }

  /**
   * Reads to the end of {@code in}. An I/O error ends the read: the complete lines before it have
   * been delivered, and the partial line is dropped (the caller counts it as truncated).
   *
   * @return the number of lines delivered or passed over
   */
  public long read(InputStream in, Sink sink) throws IOException {
    byte[] buf = new byte[Math.min(65536, maxLine + 1)];
    int start = 0;
    int end = 0;
    long lineNo = 0;
    long skipping = -1;
    while (true) {
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        } else if (buf.length <= maxLine) {
          buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLine + 1));
        } else {
          skipping = skipping < 0 ? end : skipping + end;
          end = 0;
        }
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        break;
      }
      int scanFrom = end;
      end += n;
      for (int i = scanFrom; i < end; i++) {
        if (buf[i] == '\n') {
          if (skipping >= 0) {
            sink.tooLong(lineNo, skipping + i - start);
            skipping = -1;
          } else {
            int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
            sink.line(buf, start, stop - start, lineNo);
          }
          lineNo++;
          start = i + 1;
        }
      }
    }
    if (skipping >= 0) {
      sink.tooLong(lineNo, skipping + end - start);
      lineNo++;
    } else if (end > start) {
      int stop = buf[end - 1] == '\r' ? end - 1 : end;
      sink.line(buf, start, stop - start, lineNo);
      lineNo++;
    }
    return lineNo;
  }
}
