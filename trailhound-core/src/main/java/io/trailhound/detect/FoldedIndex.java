package io.trailhound.detect;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing map from case-folded strings to values, looked up with any-case text
 * without allocating. Folding is per character, exactly as {@link String#equalsIgnoreCase}
 * compares, so the index agrees with the matchers.
 */
final class FoldedIndex<V> {

  private final String[] keys;
  private final Object[] values;
  private final int mask;
  private final boolean[] lengths;

  FoldedIndex(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    lengths = new boolean[entries.keySet().stream().mapToInt(String::length).max().orElse(0) + 1];
    entries.keySet().forEach(k -> lengths[k.length()] = true);
    entries.forEach(
        (key, value) -> {
          String folded = fold(key);
          int slot = hash(folded) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = folded;
          values[slot] = value;
        });
  }

  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = fold(chars[i]);
    }
    return new String(chars);
  }

  private static int hash(CharSequence text) {
    int h = 0;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + fold(text.charAt(i));
    }
    return h ^ (h >>> 16);
  }

  /** The value for {@code text} in any case, or null. */
  @SuppressWarnings("unchecked")
  V get(String text) {
    if (text.length() >= lengths.length || !lengths[text.length()]) {
      return null;
    }
    int slot = hash(text) & mask;
    while (keys[slot] != null) {
      if (matches(keys[slot], text)) {
        return (V) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  private static boolean matches(String folded, String text) {
    if (folded.length() != text.length()) {
      return false;
    }
    for (int i = 0; i < folded.length(); i++) {
      if (folded.charAt(i) != fold(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  int size() {
    return (int) Arrays.stream(keys).filter(k -> k != null).count();
  }

  static <V> FoldedIndex<V> empty() {
    return new FoldedIndex<>(Map.of());
  }
}
