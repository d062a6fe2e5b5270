package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import io.trailhound.event.FieldValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The string values a capture reads most, kept between records of one worker: account ids, regions,
 * API names, ARNs and user agents repeat from event to event, so a hit reuses the String, its
 * {@link FieldValue.Text} and the one-element list a rule reads, instead of decoding a new String
 * for every captured value (which was most of what a scan allocated). A repeated value is then also
 * the same String object everywhere, whose hash is computed once, which makes the grouping
 * downstream cheaper. Direct-mapped and bounded: a colliding value replaces the old one. Not
 * thread-safe; one per capturer.
 */
final class ValueCache {

  private static final int SIZE = 4096;
  private static final int MASK = SIZE - 1;

  /** Longer values are rarely repeated and not worth comparing; they are decoded each time. */
  private static final int MAX_LENGTH = 256;

  private final String[] keys = new String[SIZE];

  @SuppressWarnings("unchecked")
  private final List<FieldValue>[] lists = new List[SIZE];

  /**
   * Per slot of the byte-level cache: room for the bytes of the last value longer than 24 bytes
   * (its first {@link #byteLengths} bytes), or null.
   */
  private final byte[][] byteKeys = new byte[SIZE][];

  private final int[] byteLengths = new int[SIZE];
  private final long[] byteFirsts = new long[SIZE];
  private final long[] byteLasts = new long[SIZE];
  private final long[] byteMids = new long[SIZE];

  @SuppressWarnings("unchecked")
  private final List<FieldValue>[] byteLists = new List[SIZE];

  /**
   * The one-element list of the string whose UTF-8 bytes, without escapes, are {@code b[from, to)};
   * shared when it was seen before (the byte-level twin of {@link #text(JsonParser)}).
   */
  List<FieldValue> text(byte[] b, int from, int to) {
    int len = to - from;
    if (len > MAX_LENGTH) {
      return Collections.singletonList(
          new FieldValue.Text(new String(b, from, len, StandardCharsets.UTF_8)));
    }
    // Length and three words: no loop over the bytes; a collision only costs a miss. Up to 24
    // bytes the three words hold every byte, so they are the key itself and the value's bytes
    // are only compared for longer values (ARNs, agents): the slot's words sit in arrays of
    // primitives, which a hit reads without touching a key array elsewhere in memory.
    long first = PathTrie.first(b, from, len);
    long last = PathTrie.last(b, from, len);
    long mid = len > 16 ? PathTrie.first(b, from + (len >>> 1) - 4, 8) : 0;
    long x =
        first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL ^ mid * 0x165667B19E3779F9L ^ len;
    int slot = (int) (x ^ (x >>> 29) ^ (x >>> 47)) & MASK;
    if (byteLengths[slot] == len
        && byteFirsts[slot] == first
        && byteLasts[slot] == last
        && byteMids[slot] == mid
        && byteLists[slot] != null
        && (len <= 24 || Arrays.equals(byteKeys[slot], 0, len, b, from, to))) {
      return byteLists[slot];
    }
    List<FieldValue> list =
        Collections.singletonList(
            new FieldValue.Text(new String(b, from, len, StandardCharsets.UTF_8)));
    if (len > 24) {
      // most values this long (ARNs, agents) miss: the slot's array is reused, not reallocated
      byte[] key = byteKeys[slot];
      if (key == null || key.length < len) {
        key = new byte[Math.max(len, 64)];
        byteKeys[slot] = key;
      }
      System.arraycopy(b, from, key, 0, len);
    }
    byteLengths[slot] = len;
    byteFirsts[slot] = first;
    byteLasts[slot] = last;
    byteMids[slot] = mid;
    byteLists[slot] = list;
    return list;
  }

  /** The one-element list of the parser's current string value, shared when it was seen before. */
  List<FieldValue> text(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len > MAX_LENGTH) {
      return Collections.singletonList(new FieldValue.Text(new String(chars, off, len)));
    }
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + chars[i];
    }
    int slot = (h ^ (h >>> 12)) & MASK;
    String key = keys[slot];
    if (key != null && same(key, chars, off, len)) {
      return lists[slot];
    }
    String s = new String(chars, off, len);
    List<FieldValue> list = Collections.singletonList(new FieldValue.Text(s));
    keys[slot] = s;
    lists[slot] = list;
    return list;
  }

  private static boolean same(String key, char[] chars, int off, int len) {
    if (key.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (key.charAt(i) != chars[off + i]) {
        return false;
      }
    }
    return true;
  }
}
