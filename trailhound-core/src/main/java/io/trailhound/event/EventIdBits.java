package io.trailhound.event;

/**
 * Event ids in the canonical lower-case UUID form ({@code 8-4-4-4-12} hex digits, as CloudTrail
 * writes them) packed into two longs, and back. For such ids the unsigned order of the packed
 * values is the order of the strings (the dashes sit at the same places, and {@code 0-9} sort
 * before {@code a-f}), so evidence can be kept and ordered without holding a string per id. Any
 * other id is not packed. Findings keep their evidence this way; deduplication keeps every
 * CloudTrail event id exactly this way.
 */
public final class EventIdBits {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private EventIdBits() {}

  /** Whether {@code id} is a canonical lower-case UUID. */
  public static boolean packable(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : digit(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The first 64 bits of a {@linkplain #packable packable} id. */
  public static long high(String id) {
    return bits(id, 0);
  }

  /** The last 64 bits of a {@linkplain #packable packable} id. */
  public static long low(String id) {
    return bits(id, 19);
  }

  /** The id the two halves were packed from. */
  public static String text(long high, long low) {
    char[] out = new char[36];
    int p = 0;
    for (int d = 0; d < 32; d++) {
      if (d == 8 || d == 12 || d == 16 || d == 20) {
        out[p++] = '-';
      }
      long half = d < 16 ? high : low;
      out[p++] = HEX[(int) (half >>> (60 - 4 * (d % 16))) & 0xf];
    }
    return new String(out);
  }

  /** Sixteen hex digits from {@code from}, skipping dashes. */
  private static long bits(String id, int from) {
    long v = 0;
    int digits = 0;
    for (int i = from; digits < 16; i++) {
      char c = id.charAt(i);
      if (c != '-') {
        v = (v << 4) | digit(c);
        digits++;
      }
    }
    return v;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
