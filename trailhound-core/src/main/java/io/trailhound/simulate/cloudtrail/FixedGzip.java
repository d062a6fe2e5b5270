package io.trailhound.simulate.cloudtrail;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip with a header we write ourselves: modification time 0, no file name, OS byte 255
 * ("unknown"), so the same content always gives the same bytes on a given JDK (the deflate stream
 * itself comes from the JDK's zlib; a different zlib could compress differently).
 */
public final class FixedGzip {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private FixedGzip() {}

  public static void write(byte[] data, int length, OutputStream out) throws IOException {
    out.write(HEADER);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(data, 0, length);
      deflater.finish();
      byte[] buf = new byte[64 * 1024];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        out.write(buf, 0, n);
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, length);
    int c = (int) crc.getValue();
    out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24)});
    out.write(
        new byte[] {
          (byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)
        });
  }
}
