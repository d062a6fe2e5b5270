package io.trailhound.source.cloudtrail;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * An input opened for reading: counts the bytes taken from the source (for progress), and
 * decompresses when the first two bytes are the gzip magic number, whatever the file is called.
 * Errors raised by the decompressor are tagged so the reader can report them as a corrupt gzip
 * rather than an unreadable file.
 */
final class Opened {

  /** An I/O error raised while inflating, as opposed to while reading the underlying file. */
  static final class GzipException extends IOException {
    private static final long serialVersionUID = 1L;

    GzipException(IOException cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
  }

  /** An I/O error of the underlying file, passed through the decompressor untagged. */
  static final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceException(IOException cause) {
      super(cause.getClass().getSimpleName(), cause);
    }
  }

  private Opened() {}

  /**
   * Wraps {@code source}; {@code progress} receives byte counts read from the source as they
   * accumulate.
   */
  static InputStream open(InputStream source, LongConsumer progress) throws IOException {
    BufferedInputStream counted = new BufferedInputStream(new Counting(source, progress), 65536);
    counted.mark(2);
    int b0 = counted.read();
    int b1 = counted.read();
    counted.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        return new Tagged(new GZIPInputStream(counted, 65536));
      } catch (SourceException e) {
        throw e;
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }
    return counted;
  }

  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = super.read();
      } catch (IOException e) {
        throw new SourceException(e);
      }
      if (b >= 0) {
        progress.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw new SourceException(e);
      }
      if (n > 0) {
        progress.accept(n);
      }
      return n;
    }
  }

  private static final class Tagged extends FilterInputStream {
    Tagged(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (SourceException e) {
        throw e;
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (SourceException e) {
        throw e;
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }
  }
}
