package io.trailhound.source.vpcflow;

import java.nio.charset.StandardCharsets;

/**
 * Turns byte ranges into strings, sharing one instance per distinct value among the last few
 * thousand seen: flow logs repeat the same interface, instance, VPC and account ids on every line,
 * so most lookups allocate nothing. Not thread-safe (one per parser).
 */
final class Interner {

  private static final int SLOTS = 4096;
  private final String[] strings = new String[SLOTS];
  private final byte[][] bytes = new byte[SLOTS][];

  String intern(byte[] buf, int off, int len) {
    int h = 1;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + buf[i];
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] known = bytes[slot];
    if (known != null && known.length == len && equal(known, buf, off)) {
      return strings[slot];
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    String s = new String(copy, StandardCharsets.UTF_8);
    bytes[slot] = copy;
    strings[slot] = s;
    return s;
  }

  private static boolean equal(byte[] known, byte[] buf, int off) {
    for (int i = 0; i < known.length; i++) {
      if (known[i] != buf[off + i]) {
        return false;
      }
    }
    return true;
  }
}
