package io.trailhound.rule.sigma;

/**
 * An IPv4 or IPv6 network of the {@code |cidr} modifier. Addresses are parsed by hand (no name
 * lookups); an IPv4 network does not contain IPv6 addresses, IPv4-mapped ones included.
 */
public final class Cidr {

  private final boolean v6;
  private final long high;
  private final long low;
  private final int prefix;

  private Cidr(boolean v6, long high, long low, int prefix) {
    this.v6 = v6;
    this.prefix = prefix;
    this.high = high & mask(prefix, 0);
    this.low = low & mask(prefix, 64);
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a bare address (a host network).
   *
   * @throws IllegalArgumentException with the reason when {@code text} is not a network
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    long[] parsed = new long[2];
    boolean v6 = address.indexOf(':') >= 0;
    boolean ok = v6 ? parseV6(address, parsed) : parseV4(address, parsed);
    if (!ok) {
      throw new IllegalArgumentException("'" + address + "' is not an IP address");
    }
    int max = v6 ? 128 : 32;
    int prefix = max;
    if (slash >= 0) {
      String bits = text.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Cidr::isDigit)) {
        throw new IllegalArgumentException("'" + bits + "' is not a prefix length");
      }
      prefix = Integer.parseInt(bits);
      if (prefix > max) {
        throw new IllegalArgumentException("prefix /" + prefix + " is longer than " + max);
      }
    }
    return v6
        ? new Cidr(true, parsed[0], parsed[1], prefix)
        : new Cidr(false, 0, parsed[1], prefix + 96);
  }

  /** Whether {@code address} is an IP address inside this network; false for any other text. */
  public boolean contains(String address) {
    long[] parsed = new long[2];
    boolean isV6 = address.indexOf(':') >= 0;
    if (isV6 != v6 || !(isV6 ? parseV6(address, parsed) : parseV4(address, parsed))) {
      return false;
    }
    return (parsed[0] & mask(prefix, 0)) == high && (parsed[1] & mask(prefix, 64)) == low;
  }

  private static long mask(int prefix, int offset) {
    int bits = Math.max(0, Math.min(64, prefix - offset));
    return bits == 0 ? 0L : -1L << (64 - bits);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean parseV4(String s, long[] out) {
    long value = 0;
    int parts = 0;
    int i = 0;
    while (parts < 4) {
      int start = i;
      int octet = 0;
      while (i < s.length() && isDigit(s.charAt(i)) && i - start < 3) {
        octet = octet * 10 + (s.charAt(i++) - '0');
      }
      if (i == start || octet > 255) {
        return false;
      }
      value = (value << 8) | octet;
      parts++;
      if (parts < 4) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    if (i != s.length()) {
      return false;
    }
    out[0] = 0;
    out[1] = value;
    return true;
  }

  private static boolean parseV6(String s, long[] out) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < s.length()) {
      if (count == 8) {
        return false;
      }
      int start = i;
      int value = 0;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = value * 16 + Character.digit(s.charAt(i++), 16);
      }
      if (i < s.length() && s.charAt(i) == '.') {
        long[] v4 = new long[2];
        if (count > 6 || !parseV4(s.substring(start), v4)) {
          return false;
        }
        groups[count++] = (int) (v4[1] >>> 16);
        groups[count++] = (int) (v4[1] & 0xffff);
        i = s.length();
        break;
      }
      if (i == start) {
        return false;
      }
      groups[count++] = value;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i++;
      } else if (i == s.length()) {
        return false;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return false;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    long high = 0;
    long low = 0;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | full[g];
      low = (low << 16) | full[g + 4];
    }
    out[0] = high;
    out[1] = low;
    return true;
  }
}
