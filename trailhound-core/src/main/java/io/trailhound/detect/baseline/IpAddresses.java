package io.trailhound.detect.baseline;

/**
 * IP literals parsed by hand: {@code InetAddress.getByName} would resolve host names such as {@code
 * lambda.amazonaws.com} over DNS, and caller fields hold those too. Nothing here allocates for a
 * non-address.
 */
final class IpAddresses {

  /** Returned by {@link #prefixKey} for anything that is not an IP literal. */
  static final long NONE = -1;

  private static final long V4_TAG = 1L << 60;
  private static final long V6_TAG = 2L << 60;

  private IpAddresses() {}

  /** The IPv4 address as 0..2^32-1, or -1 when {@code s} is not a dotted quad. */
  static long ipv4(CharSequence s) {
    return ipv4(s, 0, s.length());
  }

  private static long ipv4(CharSequence s, int from, int to) {
    long value = 0;
    int parts = 0;
    int i = from;
    while (i < to) {
      int start = i;
      int part = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        part = part * 10 + (s.charAt(i) - '0');
        if (part > 255 || i - start >= 3) {
          return -1;
        }
        i++;
      }
      if (i == start) {
        return -1;
      }
      value = (value << 8) | part;
      parts++;
      if (i < to) {
        if (s.charAt(i) != '.' || parts == 4) {
          return -1;
        }
        i++;
        if (i == to) {
          return -1;
        }
      }
    }
    return parts == 4 ? value : -1;
  }

  /**
   * The IPv6 address as {high, low} 64-bit halves, or null when {@code s} is not an IPv6 literal
   * (zone ids are ignored, an embedded IPv4 tail is accepted).
   */
  static long[] ipv6(String s) {
    int end = s.indexOf('%');
    if (end < 0) {
      end = s.length();
    }
    if (s.indexOf(':') < 0) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < end) {
      int start = i;
      int value = 0;
      while (i < end && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = (value << 4) | Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < end && s.charAt(i) == '.') {
        long v4 = ipv4(s, start, end);
        if (v4 < 0 || count > 6) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        i = end;
        break;
      }
      if (i == start || count == 8) {
        return null;
      }
      groups[count++] = value;
      if (i == end) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < end && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == end) {
        return null;
      }
    }
    if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      int tail = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    long high = 0;
    long low = 0;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | full[g];
      low = (low << 16) | full[g + 4];
    }
    return new long[] {high, low};
  }

  /**
   * A number naming the caller's network: the /24 of an IPv4 address or the /48 of an IPv6 one;
   * {@link #NONE} for service names and anything else.
   */
  static long prefixKey(String ip) {
    if (ip == null || ip.isEmpty()) {
      return NONE;
    }
    long v4 = ipv4(ip);
    if (v4 >= 0) {
      return V4_TAG | (v4 >>> 8);
    }
    long[] v6 = ipv6(ip);
    return v6 == null ? NONE : V6_TAG | (v6[0] >>> 16);
  }

  /** The text form of a {@link #prefixKey}, e.g. {@code 203.0.113.0/24}. */
  static String prefixText(long key) {
    if ((key & V4_TAG) != 0 && (key & V6_TAG) == 0) {
      long net = (key & 0xffffffL) << 8;
      return (net >>> 24) + "." + ((net >>> 16) & 255) + "." + ((net >>> 8) & 255) + ".0/24";
    }
    long bits = key & 0xffff_ffff_ffffL;
    return String.format(
        java.util.Locale.ROOT,
        "%x:%x:%x::/48",
        (bits >>> 32) & 0xffff,
        (bits >>> 16) & 0xffff,
        bits & 0xffff);
  }

  /** Whether {@code ip} is an IP literal at all (not a service name or {@code AWS Internal}). */
  static boolean isAddress(String ip) {
    return prefixKey(ip) != NONE;
  }

  /**
   * Whether the address is private, loopback or link-local: such callers reached AWS through a VPC
   * endpoint or from inside AWS, never from the internet.
   */
  static boolean isPrivate(String ip) {
    long v4 = ipv4(ip);
    if (v4 >= 0) {
      long a = v4 >>> 24;
      long b = (v4 >>> 16) & 255;
      return a == 10
          || a == 127
          || a == 172 && b >= 16 && b <= 31
          || a == 192 && b == 168
          || a == 169 && b == 254
          || a == 100 && b >= 64 && b <= 127;
    }
    long[] v6 = ipv6(ip);
    if (v6 == null) {
      return false;
    }
    long top = v6[0] >>> 48;
    return (top & 0xfe00) == 0xfc00 || (top & 0xffc0) == 0xfe80 || v6[0] == 0 && v6[1] == 1;
  }
}
