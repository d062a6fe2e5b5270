package io.trailhound.source.cloudtrail;

import java.util.Arrays;

/**
 * Bytes of the record being framed, kept only up to a cap: past it the buffer stops storing but
 * keeps counting, so a huge record is measured and skipped without being held in memory.
 */
final class RecordBuffer {

  private final long cap;
  private byte[] bytes = new byte[8192];
  private int stored;
  private long length;
  private boolean discarding;

  RecordBuffer(long cap) {
    this.cap = cap;
  }

  void clear() {
    stored = 0;
    length = 0;
    discarding = false;
    if (bytes.length > 1 << 20) {
      bytes = new byte[8192];
    }
  }

  /** From now on only count, never store (for values the caller skips). */
  void discard() {
    discarding = true;
    stored = 0;
  }

  void append(byte[] src, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    length += n;
    if (discarding) {
      return;
    }
    if (length > cap) {
      discard();
      return;
    }
    if (stored + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(stored + n, Math.min(bytes.length * 2, (int) cap)));
    }
    System.arraycopy(src, from, bytes, stored, n);
    stored += n;
  }

  /** Total bytes seen since the last clear, stored or not. */
  long length() {
    return length;
  }

  /** True when the record grew past the cap (or was discarded) and is not held. */
  boolean overflowed() {
    return discarding;
  }

  boolean contains(byte b) {
    for (int i = 0; i < stored; i++) {
      if (bytes[i] == b) {
        return true;
      }
    }
    return false;
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, stored);
  }

  byte[] toBytes(int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  int stored() {
    return stored;
  }
}
