package io.trailhound.detect.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * AWS's published address ranges, read from a file in the format of {@code
 * https://ip-ranges.amazonaws.com/ip-ranges.json} ({@code prefixes[].ip_prefix}, {@code
 * ipv6_prefixes[].ipv6_prefix}). IPv6 prefixes longer than /64 are widened to their /64, which only
 * ever calls more addresses AWS's.
 */
public final class AwsIpRanges {

  private final long[] v4Start;
  private final long[] v4End;
  private final long[] v6Start;
  private final long[] v6End;

  private AwsIpRanges(long[][] v4, long[][] v6) {
    v4Start = v4[0];
    v4End = v4[1];
    v6Start = v6[0];
    v6End = v6[1];
  }

  /**
   * Reads a ranges file.
   *
   * @throws IllegalArgumentException naming the file when it is not in the ip-ranges.json format
   */
  public static AwsIpRanges load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  static AwsIpRanges parse(InputStream in, String origin) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("prefixes").isArray()) {
      throw new IllegalArgumentException(
          origin + ": not an AWS ip-ranges.json file (no 'prefixes' array)");
    }
    List<long[]> v4 = new ArrayList<>();
    for (JsonNode p : root.path("prefixes")) {
      String cidr = p.path("ip_prefix").asText("");
      long[] range = v4Range(cidr);
      if (range == null) {
        throw new IllegalArgumentException(origin + ": bad ip_prefix '" + cidr + "'");
      }
      v4.add(range);
    }
    List<long[]> v6 = new ArrayList<>();
    for (JsonNode p : root.path("ipv6_prefixes")) {
      String cidr = p.path("ipv6_prefix").asText("");
      long[] range = v6Range(cidr);
      if (range == null) {
        throw new IllegalArgumentException(origin + ": bad ipv6_prefix '" + cidr + "'");
      }
      v6.add(range);
    }
    return new AwsIpRanges(merge(v4, false), merge(v6, true));
  }

  /** Whether {@code ip} is an address inside one of AWS's ranges. */
  public boolean contains(String ip) {
    long v4 = IpAddresses.ipv4(ip);
    if (v4 >= 0) {
      return inside(v4Start, v4End, v4, false);
    }
    long[] v6 = IpAddresses.ipv6(ip);
    return v6 != null && inside(v6Start, v6End, v6[0], true);
  }

  /** How many merged ranges are held (for the run summary and tests). */
  public int size() {
    return v4Start.length + v6Start.length;
  }

  private static boolean inside(long[] starts, long[] ends, long value, boolean unsigned) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(starts[mid], value, unsigned) <= 0) {
        if (compare(value, ends[mid], unsigned) <= 0) {
          return true;
        }
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  private static int compare(long a, long b, boolean unsigned) {
    return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  private static long[][] merge(List<long[]> ranges, boolean unsigned) {
    Comparator<long[]> order =
        unsigned ? (a, b) -> Long.compareUnsigned(a[0], b[0]) : Comparator.comparingLong(a -> a[0]);
    ranges.sort(order);
    long[] starts = new long[ranges.size()];
    long[] ends = new long[ranges.size()];
    int n = 0;
    for (long[] r : ranges) {
      if (n > 0 && compare(r[0], ends[n - 1], unsigned) <= 0) {
        if (compare(r[1], ends[n - 1], unsigned) > 0) {
          ends[n - 1] = r[1];
        }
      } else {
        starts[n] = r[0];
        ends[n] = r[1];
        n++;
      }
    }
    return new long[][] {Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)};
  }

  private static long[] v4Range(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return null;
    }
    long base = IpAddresses.ipv4(cidr.substring(0, slash));
    int bits = bits(cidr.substring(slash + 1), 32);
    if (base < 0 || bits < 0) {
      return null;
    }
    long size = 1L << (32 - bits);
    long start = base & ~(size - 1) & 0xffff_ffffL;
    return new long[] {start, start + size - 1};
  }

  private static long[] v6Range(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return null;
    }
    long[] base = IpAddresses.ipv6(cidr.substring(0, slash));
    int bits = bits(cidr.substring(slash + 1), 128);
    if (base == null || bits < 0) {
      return null;
    }
    int kept = Math.min(bits, 64);
    long mask = kept == 0 ? 0 : -1L << (64 - kept);
    long start = base[0] & mask;
    return new long[] {start, start | ~mask};
  }

  private static int bits(String text, int max) {
    try {
      int bits = Integer.parseInt(text);
      return bits >= 0 && bits <= max ? bits : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
