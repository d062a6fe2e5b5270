package io.trailhound.detect.baseline;

import io.trailhound.enrich.IpAddress;

/**
 * Caller addresses as numbers for the baselines: network prefixes, private ranges. Parsing is
 * {@link IpAddress#parse}'s ({@code InetAddress.getByName} would resolve host names such as {@code
 * lambda.amazonaws.com} over DNS, and caller fields hold those too).
 */
final class IpAddresses {

  /** Returned by {@link #prefixKey} for anything that is not an IP literal. */
  static final long NONE = -1;

  private static final long V4_TAG = 1L << 60;
  private static final long V6_TAG = 2L << 60;

  private IpAddresses() {}

  /** The IPv4 address as 0..2^32-1, or -1 when {@code s} is not a dotted quad. */
  static long ipv4(CharSequence s) {
    IpAddress a = literal(s.toString());
    return a != null && !a.v6() ? a.lo() : -1;
  }

  /**
   * The IPv6 address as {high, low} 64-bit halves, or null when {@code s} is not an IPv6 literal
   * (an IPv4-mapped address counts as IPv4, see {@link IpAddress#parse}).
   */
  static long[] ipv6(String s) {
    IpAddress a = literal(s);
    return a != null && a.v6() ? new long[] {a.hi(), a.lo()} : null;
  }

  /**
   * The address when {@code s} is exactly a literal: the shared parser forgives blanks and brackets
   * around an address, a caller field holding them is not one.
   */
  private static IpAddress literal(String s) {
    if (s == null
        || s.isEmpty()
        || s.charAt(0) == '['
        || Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1))) {
      return null;
    }
    return IpAddress.parse(s);
  }

  /**
   * A number naming the caller's network: the /24 of an IPv4 address or the /48 of an IPv6 one;
   * {@link #NONE} for service names and anything else.
   */
  static long prefixKey(String ip) {
    IpAddress a = literal(ip);
    if (a == null) {
      return NONE;
    }
    return a.v6() ? V6_TAG | (a.hi() >>> 16) : V4_TAG | (a.lo() >>> 8);
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
