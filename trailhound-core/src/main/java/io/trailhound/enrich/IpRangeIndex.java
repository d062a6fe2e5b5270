package io.trailhound.enrich;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Address ranges with an int payload each, in sorted primitive arrays: IPv4 as ints, IPv6 as two
 * longs per bound. A lookup is a binary search for the last range starting at or before the
 * address, then a short walk back while an earlier range could still reach it (a running maximum of
 * range ends bounds the walk). It answers the most specific range: among ranges holding the
 * address, the one starting last, which for nested CIDRs is the longest prefix. Immutable and
 * thread-safe.
 */
public final class IpRangeIndex {

  /** Signals "no range holds the address". */
  public static final int NONE = -1;

  private final Table v4;
  private final Table v6;

  private IpRangeIndex(Table v4, Table v6) {
    this.v4 = v4;
    this.v6 = v6;
  }

  /** Number of ranges. */
  public int size() {
    return v4.size + v6.size;
  }

  /** Ranges that start inside an earlier range (nested or overlapping), counted when built. */
  public int overlapping() {
    return v4.overlapping + v6.overlapping;
  }

  /** Ranges that came after a range starting later (the input was not sorted; it is now). */
  public int unsorted() {
    return v4.unsorted + v6.unsorted;
  }

  /** The payload of the most specific range holding {@code ip}, or {@link #NONE}. */
  public int lookup(IpAddress ip) {
    return ip.v6() ? v6.lookup(ip.hi(), ip.lo()) : v4.lookup(0, ip.lo());
  }

  /** Collects ranges; sorts them once in {@link #build()}. */
  public static final class Builder {
    private final Growable v4 = new Growable();
    private final Growable v6 = new Growable();

    /**
     * Adds the range {@code first..last} (inclusive, same family, first not after last).
     *
     * @return false (and nothing added) when the bounds are of different families or reversed
     */
    public boolean add(IpAddress first, IpAddress last, int payload) {
      if (first.v6() != last.v6() || compare(first.hi(), first.lo(), last.hi(), last.lo()) > 0) {
        return false;
      }
      (first.v6() ? v6 : v4).add(first.hi(), first.lo(), last.hi(), last.lo(), payload);
      return true;
    }

    /** Adds {@code base/prefix}; host bits of the base are ignored. */
    public boolean addCidr(IpAddress base, int prefix, int payload) {
      int bits = base.bits();
      if (prefix < 0 || prefix > bits) {
        return false;
      }
      long hi = base.hi();
      long lo = base.lo();
      long hiMask = bits == 32 ? 0 : mask(prefix);
      long loMask = bits == 32 ? (mask(prefix + 32) & 0xffffffffL) : mask(prefix - 64);
      long startHi = hi & hiMask;
      long startLo = lo & loMask;
      long endHi = bits == 32 ? 0 : startHi | ~hiMask;
      long endLo = bits == 32 ? (startLo | ~loMask) & 0xffffffffL : startLo | ~loMask;
      return add(
          new IpAddress(base.v6(), startHi, startLo),
          new IpAddress(base.v6(), endHi, endLo),
          payload);
    }

    /** Ranges added so far. */
    public int size() {
      return v4.size + v6.size;
    }

    public IpRangeIndex build() {
      return new IpRangeIndex(v4.sorted(false), v6.sorted(true));
    }

    /** A mask with the top {@code n} of 64 bits set ({@code n} clamped to 0..64). */
    private static long mask(int n) {
      if (n <= 0) {
        return 0;
      }
      return n >= 64 ? -1L : -1L << (64 - n);
    }
  }

  static int compare(long hiA, long loA, long hiB, long loB) {
    int c = Long.compareUnsigned(hiA, hiB);
    return c != 0 ? c : Long.compareUnsigned(loA, loB);
  }

  private static final class Growable {
    long[] startHi = new long[16];
    long[] startLo = new long[16];
    long[] endHi = new long[16];
    long[] endLo = new long[16];
    int[] payload = new int[16];
    int size;

    void add(long sHi, long sLo, long eHi, long eLo, int p) {
      if (size == payload.length) {
        int n = size * 2;
        startHi = Arrays.copyOf(startHi, n);
        startLo = Arrays.copyOf(startLo, n);
        endHi = Arrays.copyOf(endHi, n);
        endLo = Arrays.copyOf(endLo, n);
        payload = Arrays.copyOf(payload, n);
      }
      startHi[size] = sHi;
      startLo[size] = sLo;
      endHi[size] = eHi;
      endLo[size] = eLo;
      payload[size] = p;
      size++;
    }

    Table sorted(boolean v6) {
      int[] order = IntStream.range(0, size).toArray();
      int descents = 0;
      for (int i = 1; i < size; i++) {
        if (compareAt(i - 1, i) > 0) {
          descents++;
        }
      }
      if (descents > 0) {
        Comparator<Integer> byStart = this::compareAt;
        order =
            IntStream.range(0, size).boxed().sorted(byStart).mapToInt(Integer::intValue).toArray();
      }
      return new Table(this, order, v6, descents);
    }

    /** By start ascending, then wider ranges first, so the narrower one wins a tie. */
    private int compareAt(int a, int b) {
      int c = compare(startHi[a], startLo[a], startHi[b], startLo[b]);
      return c != 0 ? c : compare(endHi[b], endLo[b], endHi[a], endLo[a]);
    }
  }

  /**
   * One family's ranges, sorted by start. {@code outer[i]} is the nearest earlier range whose end
   * lies beyond range i's end: every range in between ends no later than range i, so when range i
   * ends before an address they do too and the lookup jumps straight over them. For disjoint ranges
   * there is no such range; for nested CIDRs the chain is the nesting depth. IPv4 tables keep their
   * bounds as ints and no upper words.
   */
  private static final class Table {
    final long[] startHi;
    final long[] startLo;
    final long[] endHi;
    final long[] endLo;
    final int[] start32;
    final int[] end32;
    final int[] outer;
    final int[] payload;
    final int size;
    final int overlapping;
    final int unsorted;

    Table(Growable g, int[] order, boolean v6, int unsorted) {
      this.unsorted = unsorted;
      size = order.length;
      startHi = v6 ? new long[size] : null;
      endHi = v6 ? new long[size] : null;
      startLo = v6 ? new long[size] : null;
      endLo = v6 ? new long[size] : null;
      start32 = v6 ? null : new int[size];
      end32 = v6 ? null : new int[size];
      outer = new int[size];
      payload = new int[size];
      for (int i = 0; i < size; i++) {
        int o = order[i];
        if (v6) {
          startHi[i] = g.startHi[o];
          endHi[i] = g.endHi[o];
          startLo[i] = g.startLo[o];
          endLo[i] = g.endLo[o];
        } else {
          start32[i] = (int) g.startLo[o];
          end32[i] = (int) g.endLo[o];
        }
        payload[i] = g.payload[o];
      }
      int overlaps = 0;
      int[] stack = new int[Math.max(1, size)];
      int depth = 0;
      for (int i = 0; i < size; i++) {
        if (depth > 0 && compare(endHi(stack[0]), endLo(stack[0]), startHi(i), startLo(i)) >= 0) {
          overlaps++;
        }
        while (depth > 0
            && compare(endHi(stack[depth - 1]), endLo(stack[depth - 1]), endHi(i), endLo(i)) <= 0) {
          depth--;
        }
        outer[i] = depth == 0 ? NONE : stack[depth - 1];
        stack[depth++] = i;
      }
      overlapping = overlaps;
    }

    private long startHi(int i) {
      return startHi == null ? 0 : startHi[i];
    }

    private long endHi(int i) {
      return endHi == null ? 0 : endHi[i];
    }

    private long startLo(int i) {
      return start32 != null ? Integer.toUnsignedLong(start32[i]) : startLo[i];
    }

    private long endLo(int i) {
      return end32 != null ? Integer.toUnsignedLong(end32[i]) : endLo[i];
    }

    int lookup(long hi, long lo) {
      int low = 0;
      int high = size - 1;
      int i = NONE;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        if (compare(startHi(mid), startLo(mid), hi, lo) <= 0) {
          i = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      while (i != NONE) {
        if (compare(endHi(i), endLo(i), hi, lo) >= 0) {
          return payload[i];
        }
        i = outer[i];
      }
      return NONE;
    }
  }
}
