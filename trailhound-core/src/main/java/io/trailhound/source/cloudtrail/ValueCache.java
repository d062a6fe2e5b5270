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

  private final byte[][] byteKeys = new byte[SIZE][];

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
    // Length and three words: no loop over the bytes; a collision only costs a miss.
    long x =
        PathTrie.first(b, from, len) * 0x9E3779B97F4A7C15L
            ^ PathTrie.last(b, from, len) * 0xC2B2AE3D27D4EB4FL
            ^ (len > 16 ? PathTrie.first(b, from + (len >>> 1) - 4, 8) * 0x165667B19E3779F9L : 0)
            ^ len;
    int slot = (int) (x ^ (x >>> 29) ^ (x >>> 47)) & MASK;
    byte[] key = byteKeys[slot];
    if (key != null && key.length == len && PathTrie.same(key, 0, b, from, len)) {
      return byteLists[slot];
    }
    List<FieldValue> list =
        Collections.singletonList(
            new FieldValue.Text(new String(b, from, len, StandardCharsets.UTF_8)));
    byteKeys[slot] = Arrays.copyOfRange(b, from, to);
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
