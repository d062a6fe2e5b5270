package io.trailhound.enrich;

/**
 * An IPv4 or IPv6 address as numbers, parsed from text without ever resolving a name. IPv4 keeps
 * its 32 bits in {@code lo}; an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is read as
 * IPv4, so one address has one form whichever way a log writes it.
 *
 * @param v6 true for IPv6
 * @param hi upper 64 bits of an IPv6 address; 0 for IPv4
 * @param lo lower 64 bits of an IPv6 address, or the 32 bits of an IPv4 address (unsigned)
 */
public record IpAddress(boolean v6, long hi, long lo) {

  /** The address in {@code text}, or null when it is not a literal IPv4 or IPv6 address. */
  public static IpAddress parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    if (s.indexOf(':') < 0) {
      long v4 = parseV4(s, 0, s.length());
      return v4 < 0 ? null : new IpAddress(false, 0, v4);
    }
    return parseV6(s);
  }

  /** The address as an IPv4 or IPv6 literal (IPv6 compressed per RFC 5952). */
  @Override
  public String toString() {
    if (!v6) {
      return (lo >>> 24 & 255)
          + "."
          + (lo >>> 16 & 255)
          + "."
          + (lo >>> 8 & 255)
          + "."
          + (lo & 255);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(groups[i]));
    }
    return b.toString();
  }

  /** Width of the address in bits: 32 or 128. */
  public int bits() {
    return v6 ? 128 : 32;
  }

  /** -1 when not a dotted quad of decimal octets without leading zeros. */
  static long parseV4(String s, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (i < to) {
      int start = i;
      int octet = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        octet = octet * 10 + (s.charAt(i) - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || octet > 255 || (len > 1 && s.charAt(start) == '0')) {
        return -1;
      }
      value = value << 8 | octet;
      octets++;
      if (i < to) {
        if (s.charAt(i) != '.' || octets == 4) {
          return -1;
        }
        i++;
        if (i == to) {
          return -1;
        }
      }
    }
    return octets == 4 ? value : -1;
  }

  private static IpAddress parseV6(String s) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = s.length();
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    } else if (s.charAt(0) == ':') {
      return null;
    }
    while (i < n) {
      int start = i;
      int value = 0;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = value << 4 | Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        long v4 = parseV4(s, start, n);
        if (v4 < 0 || count > 6) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        i = n;
        break;
      }
      if (i == start || count == 8) {
        return null;
      }
      groups[count++] = value;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == n) {
        return null;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
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
    long hi = 0;
    long lo = 0;
    for (int g = 0; g < 4; g++) {
      hi = hi << 16 | full[g];
      lo = lo << 16 | full[g + 4];
    }
    if (hi == 0 && (lo >>> 32) == 0xffffL) {
      return new IpAddress(false, 0, lo & 0xffffffffL);
    }
    return new IpAddress(true, hi, lo);
  }
}
