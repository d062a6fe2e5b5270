package io.trailhound.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes the {@code record} column of one query's rows, parsing each distinct part of a record
 * only once. A busy actor's events differ mostly in their id and time, and then in a few fields: a
 * CI role's ten thousand {@code DescribeStacks} calls share the same account, region, caller, key,
 * address and client string byte for byte, and its uploads differ only in the object they name. So
 * a record is cut in three: the head (id and time, read directly), the caller part (source to
 * client string) and the rest (resources, bytes out, fields), and each of the two latter is parsed
 * once per distinct value. Parts are keyed by their bytes (compared in full, so two records share a
 * decoded part only when its bytes are equal).
 */
final class RecordDecoder {

  /** Elements of the caller part: source type to user agent (see {@link RecordCodec}). */
  private static final int CALLER_ELEMENTS = 17;

  private static final com.fasterxml.jackson.core.JsonFactory JSON =
      new com.fasterxml.jackson.core.JsonFactory();

  private final Interner interner;

  /**
   * Recently decoded parts, direct-mapped by hash: a busy actor's repeats are near each other, and
   * a bounded table keeps a read of hundreds of thousands of distinct parts (a role's uploads, one
   * object each) from holding every part's bytes and decoding until the answer is complete.
   */
  private static final int RECENT = 4096;

  private final Tail[] callerKeys = new Tail[RECENT];
  private final String[][] callerValues = new String[RECENT][];
  private final Tail[] restKeys = new Tail[RECENT];
  private final Rest[] restValues = new Rest[RECENT];
  private final Map<String, String[]> callerParts = new HashMap<>();
  private final byte[] lastKey = new byte[RecordCodec.KEY_CHARS];
  private String[] lastCaller;

  RecordDecoder(Interner interner) {
    this.interner = interner;
  }

  /**
   * Gives the decoder caller parts of the caller-key layout by key (see {@link RecordCodec#split}),
   * each parsed once: records naming a key it was not given decode to null.
   */
  void provide(Map<String, String> parts) {
    for (Map.Entry<String, String> p : parts.entrySet()) {
      if (!callerParts.containsKey(p.getKey())) {
        byte[] b = p.getValue().getBytes(StandardCharsets.UTF_8);
        try {
          callerParts.put(p.getKey(), caller(b, 0, b.length));
        } catch (IOException | RuntimeException e) {
          throw new StoreException(
              "unreadable caller part " + p.getKey() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * The caller key a record of the caller-key layout names when this decoder was not given its part
   * (see {@link #provide}); null for any other record.
   */
  String missingKey(byte[] json) {
    int keyAt = RecordCodec.keyAt(json, RecordCodec.skip(json, 1, 4));
    if (keyAt < 0
        || (lastCaller != null
            && Arrays.equals(
                json, keyAt, keyAt + RecordCodec.KEY_CHARS, lastKey, 0, RecordCodec.KEY_CHARS))) {
      return null;
    }
    String key = new String(json, keyAt, RecordCodec.KEY_CHARS, StandardCharsets.US_ASCII);
    return callerParts.containsKey(key) ? null : key;
  }

  /**
   * The record, or null when it was written for other kept paths (see {@link RecordCodec}) or names
   * a caller part the decoder was not given.
   */
  EventRecord decode(byte[] json) {
    Head head = head(json);
    if (head == null) {
      return RecordCodec.decode(json, interner, callerParts::get);
    }
    int keyAt = RecordCodec.keyAt(json, head.tailStart);
    String[] caller;
    int restStart;
    if (keyAt >= 0) {
      // consecutive rows of a busy actor name the same caller part: compared as bytes, no key
      // string per row
      if (lastCaller != null
          && Arrays.equals(
              json, keyAt, keyAt + RecordCodec.KEY_CHARS, lastKey, 0, RecordCodec.KEY_CHARS)) {
        caller = lastCaller;
      } else {
        caller =
            callerParts.get(
                new String(json, keyAt, RecordCodec.KEY_CHARS, StandardCharsets.US_ASCII));
        if (caller == null) {
          return null;
        }
        System.arraycopy(json, keyAt, lastKey, 0, RecordCodec.KEY_CHARS);
        lastCaller = caller;
      }
      restStart = keyAt + RecordCodec.KEY_CHARS + 2;
    } else {
      restStart = restStart(json, head.tailStart);
      if (restStart < 0) {
        return RecordCodec.decode(json, interner, callerParts::get);
      }
      Tail callerKey = new Tail(json, head.tailStart, restStart);
      int slot = callerKey.slot();
      if (callerKey.equals(callerKeys[slot])) {
        caller = callerValues[slot];
      } else {
        try {
          caller = caller(json, head.tailStart, restStart - 1);
        } catch (IOException | RuntimeException e) {
          throw new StoreException("unreadable record column: " + e.getMessage(), e);
        }
        callerKeys[slot] = callerKey;
        callerValues[slot] = caller;
      }
    }
    Tail restKey = new Tail(json, restStart, json.length);
    int slot = restKey.slot();
    Rest rest;
    if (restKey.equals(restKeys[slot])) {
      rest = restValues[slot];
    } else {
      try {
        rest = rest(json, restStart);
      } catch (IOException | RuntimeException e) {
        throw new StoreException("unreadable record column: " + e.getMessage(), e);
      }
      restKeys[slot] = restKey;
      restValues[slot] = rest;
    }
    return record(head.id, head.time, caller, rest.resources, rest.bytesOut, rest.fields);
  }

  /** A record from its head, its caller part's values (see {@link #caller}) and its rest. */
  static EventRecord record(
      String id,
      Instant time,
      String[] caller,
      List<String> resources,
      long bytesOut,
      Map<String, String> fields) {
    return new EventRecord(
        id,
        time,
        caller[0],
        caller[1],
        caller[2],
        caller[3],
        caller[4],
        caller[5] == null ? null : Boolean.valueOf(caller[5]),
        caller[6],
        caller[7],
        caller[8],
        caller[9],
        caller[10],
        caller[11],
        caller[12],
        caller[13],
        caller[14],
        caller[15],
        caller[16],
        resources,
        bytesOut,
        fields);
  }

  /** Resources, bytes out and fields of a record, shared by the records whose rest is equal. */
  private record Rest(List<String> resources, long bytesOut, Map<String, String> fields) {}

  /**
   * Where the resources array starts, after the caller part of {@value #CALLER_ELEMENTS} values
   * that starts at {@code from}; -1 when it is not there.
   */
  private static int restStart(byte[] b, int from) {
    int i = RecordCodec.skip(b, from, CALLER_ELEMENTS);
    return i >= 0 && i < b.length && b[i] == '[' ? i : -1;
  }

  /**
   * The caller part's values from its elements in bytes {@code [from, to)}, interned; the read-only
   * flag as "true", "false" or null.
   */
  private String[] caller(byte[] b, int from, int to) throws IOException {
    byte[] array = new byte[to - from + 2];
    array[0] = '[';
    System.arraycopy(b, from, array, 1, to - from);
    array[array.length - 1] = ']';
    String[] out = new String[CALLER_ELEMENTS];
    try (JsonParser p = JSON.createParser(array)) {
      p.nextToken();
      for (int n = 0; n < CALLER_ELEMENTS; n++) {
        JsonToken t = p.nextToken();
        if (t == null || !t.isScalarValue()) {
          throw new IOException("caller part has " + n + " values, expected " + CALLER_ELEMENTS);
        }
        out[n] =
            switch (t) {
              case VALUE_NULL -> null;
              case VALUE_TRUE -> "true";
              case VALUE_FALSE -> "false";
              default -> interner.intern(p.getText());
            };
      }
      if (p.nextToken() != JsonToken.END_ARRAY) {
        throw new IOException("caller part has more than " + CALLER_ELEMENTS + " values");
      }
    }
    return out;
  }

  /** The rest {@code [resources], bytesOut, {fields}]} from {@code from}, parsed as RecordCodec. */
  private Rest rest(byte[] b, int from) throws IOException {
    Rest plain = plainRest(b, from);
    return plain != null ? plain : jacksonRest(b, from);
  }

  /**
   * The rest when it is plain — ASCII strings without escapes, as RecordCodec writes nearly every
   * rest — read directly; null for anything else, which Jackson reads. A busy actor's uploads each
   * have a rest of their own (the object they name), and a parser per rest cost more than the read.
   */
  private Rest plainRest(byte[] b, int from) {
    int[] at = {from};
    if (!take(b, at, '[')) {
      return null;
    }
    List<String> resources = new ArrayList<>(2);
    if (!take(b, at, ']')) {
      do {
        String r = plainString(b, at);
        if (r == null) {
          return null;
        }
        resources.add(interner.intern(r));
      } while (take(b, at, ','));
      if (!take(b, at, ']')) {
        return null;
      }
    }
    if (!take(b, at, ',')) {
      return null;
    }
    long[] number = new long[1];
    int i = number(b, at[0], number);
    if (i < 0) {
      return null;
    }
    at[0] = i;
    if (!take(b, at, ',') || !take(b, at, '{')) {
      return null;
    }
    Map<String, String> fields = new TreeMap<>();
    if (!take(b, at, '}')) {
      do {
        String name = plainString(b, at);
        if (name == null || !take(b, at, ':')) {
          return null;
        }
        String value = plainString(b, at);
        if (value == null) {
          return null;
        }
        fields.put(name, name.endsWith("Document") ? value : interner.intern(value));
      } while (take(b, at, ','));
      if (!take(b, at, '}')) {
        return null;
      }
    }
    if (!take(b, at, ']') || at[0] != b.length) {
      return null;
    }
    return new Rest(List.copyOf(resources), number[0], Map.copyOf(fields));
  }

  /** Steps over {@code c} at {@code at[0]}: false (and no step) when something else is there. */
  private static boolean take(byte[] b, int[] at, char c) {
    if (at[0] < b.length && b[at[0]] == c) {
      at[0]++;
      return true;
    }
    return false;
  }

  /** A string of printable ASCII without escapes at {@code at[0]}, or null. */
  private static String plainString(byte[] b, int[] at) {
    int i = at[0];
    if (i >= b.length || b[i] != '"') {
      return null;
    }
    int start = ++i;
    while (i < b.length && b[i] != '"') {
      if (b[i] == '\\' || b[i] < 0x20) {
        return null;
      }
      i++;
    }
    if (i >= b.length) {
      return null;
    }
    at[0] = i + 1;
    return new String(b, start, i - start, StandardCharsets.US_ASCII);
  }

  private Rest jacksonRest(byte[] b, int from) throws IOException {
    byte[] array = new byte[b.length - from + 1];
    array[0] = '[';
    System.arraycopy(b, from, array, 1, b.length - from);
    try (JsonParser p = JSON.createParser(array)) {
      p.nextToken();
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected resources at " + p.currentLocation());
      }
      List<String> resources = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        resources.add(interner.intern(p.getText()));
      }
      p.nextToken();
      long bytesOut = p.getLongValue();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected fields at " + p.currentLocation());
      }
      Map<String, String> fields = new TreeMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        String value = p.getText();
        fields.put(name, name.endsWith("Document") ? value : interner.intern(value));
      }
      return new Rest(List.copyOf(resources), bytesOut, Map.copyOf(fields));
    }
  }

  private record Head(String id, Instant time, int tailStart) {}

  /**
   * The head {@code [paths,"id",second,nano,} of a record of the current layout, or null when it is
   * anything else (another layout, an id with escapes): such a record is decoded in full.
   */
  private static Head head(byte[] b) {
    if (b.length < 2 || b[0] != '[') {
      return null;
    }
    int i = 1;
    long[] value = new long[1];
    i = number(b, i, value);
    if (i < 0 || value[0] != RecordCodec.PATHS || i + 1 >= b.length || b[i] != ',') {
      return null;
    }
    i++;
    if (b[i] != '"') {
      return null;
    }
    int start = ++i;
    while (i < b.length && b[i] != '"') {
      if (b[i] == '\\') {
        return null;
      }
      i++;
    }
    if (i + 1 >= b.length || b[i + 1] != ',') {
      return null;
    }
    String id = new String(b, start, i - start, StandardCharsets.UTF_8);
    i += 2;
    i = number(b, i, value);
    if (i < 0 || i >= b.length || b[i] != ',') {
      return null;
    }
    long second = value[0];
    i = number(b, i + 1, value);
    if (i < 0 || i >= b.length || b[i] != ',' || value[0] < 0 || value[0] > 999_999_999) {
      return null;
    }
    return new Head(id, Instant.ofEpochSecond(second, value[0]), i + 1);
  }

  /** Reads an integer at {@code i} into {@code out}; the index after it, or -1. */
  private static int number(byte[] b, int i, long[] out) {
    boolean negative = i < b.length && b[i] == '-';
    if (negative) {
      i++;
    }
    int start = i;
    long v = 0;
    while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - start < 18) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    if (i == start) {
      return -1;
    }
    out[0] = negative ? -v : v;
    return i;
  }

  /** A range of a record's bytes, compared by content. */
  private static final class Tail {
    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    Tail(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      long h = 1;
      int i = from;
      for (; i + 8 <= to; i += 8) {
        h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(bytes, i);
      }
      for (; i < to; i++) {
        h = h * 31 + bytes[i];
      }
      this.hash = (int) (h ^ (h >>> 32));
    }

    /** Its slot in a table of {@link #RECENT} entries. */
    int slot() {
      return (hash ^ (hash >>> 13)) & (RECENT - 1);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tail t
          && t.hash == hash
          && Arrays.equals(bytes, from, to, t.bytes, t.from, t.to);
    }
  }
}
