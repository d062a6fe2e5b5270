package io.trailhound.source.cloudtrail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
final class Utf8 {

  /** Eight bytes at a time: records are mostly ASCII, and a word without high bits is all ASCII. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Offset of the first invalid byte, or -1 when {@code b} is valid UTF-8. */
  static int firstInvalid(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      while (i <= n - 8 && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= n) {
        break;
      }
      if ((b[i] & 0xff) < 0x80) {
        i++;
        continue;
      }
      int next = sequence(b, i, n);
      if (next < 0) {
        return i;
      }
      i = next;
    }
    return -1;
  }

  /**
   * Where the multi-byte sequence starting at {@code b[i]} (a byte above ASCII) ends, the sequence
   * lying within {@code b[0, n)}; -1 when it is not valid UTF-8.
   */
  static int sequence(byte[] b, int i, int n) {
    int c = b[i] & 0xff;
    int need;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      min = 0x10000;
    } else {
      return -1;
    }
    if (i + need >= n) {
      return -1;
    }
    int cp = c & (0x3F >> need);
    for (int k = 1; k <= need; k++) {
      int cc = b[i + k] & 0xff;
      if ((cc & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return -1;
    }
    return i + need + 1;
  }
}
