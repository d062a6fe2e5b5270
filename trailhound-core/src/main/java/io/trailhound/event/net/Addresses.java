package io.trailhound.event.net;

/**
 * IPv4 addresses held in a {@code long}: the address as an unsigned 32-bit number, {@link #NONE}
 * when the field was {@code -} or absent, {@link #IPV6} when the address is IPv6 (its text is kept
 * beside it).
 */
public final class Addresses {

  /** No address (the field was {@code -}). */
  public static final long NONE = -1;

  /** An IPv6 address, held as text elsewhere. */
  public static final long IPV6 = -2;

  private Addresses() {}

  /** Parses dotted-quad text; {@link #NONE} when it is not an IPv4 address. */
  public static long parse(CharSequence text) {
    long value = 0;
    int octet = -1;
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
        if (octet > 255) {
          return NONE;
        }
      } else if (c == '.' && octet >= 0 && dots < 3) {
        value = (value << 8) | octet;
        octet = -1;
        dots++;
      } else {
        return NONE;
      }
    }
    if (dots != 3 || octet < 0) {
      return NONE;
    }
    return (value << 8) | octet;
  }

  /** Dotted-quad text of an IPv4 value, or {@code -} for {@link #NONE}. */
  public static String format(long ip) {
    if (ip < 0) {
      return "-";
    }
    return ((ip >>> 24) & 255)
        + "."
        + ((ip >>> 16) & 255)
        + "."
        + ((ip >>> 8) & 255)
        + "."
        + (ip & 255);
  }

  /**
   * True for addresses that cannot be a remote internet host: RFC 1918, carrier-grade NAT
   * (100.64/10), loopback, link-local, and the unspecified and multicast ranges.
   */
  public static boolean isPrivate(long ip) {
    if (ip < 0) {
      return false;
    }
    long a = ip >>> 24;
    long b = (ip >>> 16) & 255;
    return a == 10
        || a == 127
        || a == 0
        || a >= 224
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 169 && b == 254)
        || (a == 100 && b >= 64 && b <= 127);
  }

  /** True for IPv6 text in the private ranges (unique local fc00::/7, link-local, loopback). */
  public static boolean isPrivate6(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    String t = text.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("fc")
        || t.startsWith("fd")
        || t.startsWith("fe8")
        || t.startsWith("fe9")
        || t.startsWith("fea")
        || t.startsWith("feb")
        || t.equals("::1");
  }
}
