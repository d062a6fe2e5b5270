package io.trailhound.source.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where JSON values begin and end in a byte stream without decoding them: it follows only
 * strings, escapes and bracket depth, so a record with bad UTF-8 or bad JSON inside still ends at
 * its closing bracket and the next record can be read (the record itself is validated later, by
 * Jackson, on its own bytes). Multi-byte UTF-8 never contains ASCII bytes, so framing on bytes is
 * safe.
 */
final class Framer {

  /** How a value scan ended. */
  enum Status {
    OK,
    /** The input ended inside the value. */
    EOF,
    /** The next byte cannot start a value (a stray {@code ,}, {@code ]}, {@code :}...). */
    STRAY
  }

  static final int EOF = -1;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final InputStream in;

  /**
   * Big enough that few JSON lines straddle two reads: such a line is framed through a record
   * buffer, the others are read in place.
   */
  static final int FILE_BUFFER = 256 * 1024;

  private final byte[] buf;
  private int pos;
  private int lim;
  private long base;

  Framer(InputStream in) {
    this(in, FILE_BUFFER);
  }

  Framer(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /** Absolute offset of the next byte. */
  long offset() {
    return base + pos;
  }

  private boolean fill() throws IOException {
    base += lim;
    pos = 0;
    lim = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }

  /** Skips whitespace (copying it to {@code out} if given) and returns the next byte unread. */
  int peekNonWs(RecordBuffer out) throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        return EOF;
      }
      int start = pos;
      while (pos < lim) {
        byte b = buf[pos];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          if (out != null) {
            out.append(buf, start, pos);
          }
          return b & 0xff;
        }
        pos++;
      }
      if (out != null) {
        out.append(buf, start, pos);
      }
    }
  }

  /** Consumes one byte (copying it to {@code out} if given); {@link #EOF} at the end. */
  int read(RecordBuffer out) throws IOException {
    if (pos == lim && !fill()) {
      return EOF;
    }
    if (out != null) {
      out.append(buf, pos, pos + 1);
    }
    return buf[pos++] & 0xff;
  }

  /** Skips a UTF-8 byte order mark at the very start, if any. */
  void skipBom() throws IOException {
    if (pos == lim && !fill()) {
      return;
    }
    if (lim - pos >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB) {
      if ((buf[pos + 2] & 0xff) == 0xBF) {
        pos += 3;
      }
    }
  }

  /**
   * Reads the value starting at the next non-whitespace byte into {@code out} (whitespace before it
   * is skipped, not copied).
   */
  Status readValue(RecordBuffer out) throws IOException {
    int b = peekNonWs(null);
    if (b == EOF) {
      return Status.EOF;
    }
    if (b == '{' || b == '[') {
      read(out);
      return scan(out, 1, false);
    }
    if (b == '"') {
      read(out);
      return scan(out, 0, true);
    }
    if (b == ',' || b == ']' || b == '}' || b == ':') {
      return Status.STRAY;
    }
    return literal(out);
  }

  /**
   * Continues a value already begun: {@code depth} open brackets, possibly inside a string. Ends
   * after the bracket (or quote, at depth 0) that closes it.
   */
  Status scan(RecordBuffer out, int depth, boolean inString) throws IOException {
    boolean escaped = false;
    while (true) {
      if (pos == lim && !fill()) {
        return Status.EOF;
      }
      int start = pos;
      while (pos < lim) {
        byte b = buf[pos++];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
            if (depth == 0) {
              out.append(buf, start, pos);
              return Status.OK;
            }
          }
        } else if (b == '"') {
          inString = true;
        } else if (b == '{' || b == '[') {
          depth++;
        } else if (b == '}' || b == ']') {
          depth--;
          if (depth <= 0) {
            out.append(buf, start, pos);
            return Status.OK;
          }
        }
      }
      out.append(buf, start, pos);
    }
  }

  private Status literal(RecordBuffer out) throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        return Status.OK;
      }
      int start = pos;
      while (pos < lim) {
        byte b = buf[pos];
        if (b == ',' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
          out.append(buf, start, pos);
          return Status.OK;
        }
        pos++;
      }
      out.append(buf, start, pos);
    }
  }

  /**
   * Reads up to the next newline into {@code out} (the newline consumed, not copied). Returns false
   * at the end of input when nothing was read.
   */
  boolean readLine(RecordBuffer out) throws IOException {
    boolean any = false;
    while (true) {
      if (pos == lim && !fill()) {
        return any;
      }
      any = true;
      int start = pos;
      int nl = indexOfNewline(buf, pos, lim);
      if (nl >= 0) {
        out.append(buf, start, nl);
        pos = nl + 1;
        return true;
      }
      pos = lim;
      out.append(buf, start, pos);
    }
  }

  /** Whether a byte is left to read, reading more when the buffer is used up. */
  boolean available() throws IOException {
    return pos < lim || fill();
  }

  /** The read buffer, whose bytes from {@link #position} to {@link #limit} are unread. */
  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  int limit() {
    return lim;
  }

  /** Consumes the buffer's bytes up to {@code next} (between {@link #position} and the limit). */
  void skipTo(int next) {
    pos = next;
  }

  private static final byte[] EMPTY = new byte[0];

  /**
   * The next line, trimmed of spaces, tabs and carriage returns at both ends, as an array of its
   * own, when it lies whole in the read buffer and its untrimmed length is at most {@code cap}: one
   * copy instead of two through a {@link RecordBuffer}, for nearly every line of a JSON-lines file.
   * Otherwise null with nothing consumed, and the caller reads the line with {@link #readLine}.
   */
  byte[] lineInBuffer(long cap) throws IOException {
    if (pos == lim && !fill()) {
      return null;
    }
    int nl = indexOfNewline(buf, pos, lim);
    if (nl < 0 || nl - pos > cap) {
      return null;
    }
    int from = pos;
    int to = nl;
    pos = nl + 1;
    while (from < to && isBlank(buf[from])) {
      from++;
    }
    while (to > from && isBlank(buf[to - 1])) {
      to--;
    }
    return from == to ? EMPTY : java.util.Arrays.copyOfRange(buf, from, to);
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /**
   * Index of the first '\n' in {@code b[from, to)}, or -1: eight bytes per step (a word has a
   * newline byte when its XOR with newlines has a zero byte; the lowest such byte is exact).
   */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i <= to - 8; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads and throws away everything left, returning how many bytes there were. */
  long drain() throws IOException {
    long n = lim - pos;
    pos = lim;
    while (fill()) {
      n += lim;
      pos = lim;
    }
    return n;
  }
}
