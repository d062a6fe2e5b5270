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

  /** Value of each ASCII character as a lower-case hex digit; -1 for every other one. */
  private static final byte[] VALUE = new byte[128];

  static {
    java.util.Arrays.fill(VALUE, (byte) -1);
    for (int d = 0; d < 16; d++) {
      VALUE[HEX[d]] = (byte) d;
    }
  }

  private EventIdBits() {}

  /** Whether {@code id} is a canonical lower-case UUID. */
  public static boolean packable(String id) {
    if (id.length() != 36
        || id.charAt(8) != '-'
        || id.charAt(13) != '-'
        || id.charAt(18) != '-'
        || id.charAt(23) != '-') {
      return false;
    }
    // the digits' values ORed together: negative as soon as one is not a lower-case hex digit
    return (digits(id, 0, 8)
            | digits(id, 9, 13)
            | digits(id, 14, 18)
            | digits(id, 19, 23)
            | digits(id, 24, 36))
        >= 0;
  }

  /** The first 64 bits of a {@linkplain #packable packable} id. */
  public static long high(String id) {
    return hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
  }

  /** The last 64 bits of a {@linkplain #packable packable} id. */
  public static long low(String id) {
    return hex(id, 19, 23) << 48 | hex(id, 24, 36);
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

  /** The values of the characters from {@code from} to {@code to} ORed together (see VALUE). */
  private static int digits(String id, int from, int to) {
    int or = 0;
    for (int i = from; i < to; i++) {
      char c = id.charAt(i);
      or |= c < 128 ? VALUE[c] : -1;
    }
    return or;
  }

  /** The hex digits of {@code id} from {@code from} to {@code to}, as a number. */
  private static long hex(String id, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | VALUE[id.charAt(i)];
    }
    return v;
  }
}
