package io.trailhound.source.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens a stream as gzip when its first two bytes are the gzip magic number, whatever its name. */
public final class Decompress {

  private Decompress() {}

  /** The stream, inflated when it is gzip. */
  public static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 65536);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 65536);
    }
    return in;
  }
}
