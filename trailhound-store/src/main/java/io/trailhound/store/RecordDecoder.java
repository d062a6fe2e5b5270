package io.trailhound.store;

import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the {@code record} column of one query's rows, parsing each distinct record only once
 * apart from its id and time. A busy actor's events differ mostly in those two: a CI role's ten
 * thousand {@code DescribeStacks} calls share the same account, region, caller, key, address,
 * client string and resources, byte for byte, and the JSON parse of that tail is most of what a
 * record costs. The tail's bytes are the key (compared in full, so two records share a decoded tail
 * only when their bytes are equal); the id and time are read from the record's head.
 */
final class RecordDecoder {

  private final Interner interner;
  private final Map<Tail, EventRecord> decoded = new HashMap<>();

  RecordDecoder(Interner interner) {
    this.interner = interner;
  }

  /** The record, or null when it was written for other kept paths (see {@link RecordCodec}). */
  EventRecord decode(byte[] json) {
    Head head = head(json);
    if (head == null) {
      return RecordCodec.decode(json, interner);
    }
    Tail tail = new Tail(json, head.tailStart);
    EventRecord shape = decoded.get(tail);
    if (shape == null) {
      EventRecord r = RecordCodec.decode(json, interner);
      if (r != null) {
        decoded.put(tail.copy(), r);
      }
      return r;
    }
    return new EventRecord(
        head.id,
        head.time,
        shape.sourceType(),
        shape.account(),
        shape.region(),
        shape.service(),
        shape.api(),
        shape.readOnly(),
        shape.errorCode(),
        shape.actorType(),
        shape.principalArn(),
        shape.userName(),
        shape.accessKeyId(),
        shape.issuerArn(),
        shape.sessionName(),
        shape.sourceIdentity(),
        shape.invokedBy(),
        shape.ip(),
        shape.userAgent(),
        shape.resources(),
        shape.bytesOut(),
        shape.fields());
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

  /** The bytes of a record after its head, compared by content. */
  private static final class Tail {
    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final int from;
    private final int hash;

    Tail(byte[] bytes, int from) {
      this.bytes = bytes;
      this.from = from;
      long h = 1;
      int i = from;
      for (; i + 8 <= bytes.length; i += 8) {
        h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(bytes, i);
      }
      for (; i < bytes.length; i++) {
        h = h * 31 + bytes[i];
      }
      this.hash = (int) (h ^ (h >>> 32));
    }

    private Tail(byte[] bytes, int from, int hash) {
      this.bytes = bytes;
      this.from = from;
      this.hash = hash;
    }

    /** A key holding only the tail's bytes (the row's whole record need not stay referenced). */
    Tail copy() {
      return new Tail(Arrays.copyOfRange(bytes, from, bytes.length), 0, hash);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tail t
          && t.hash == hash
          && Arrays.equals(bytes, from, bytes.length, t.bytes, t.from, t.bytes.length);
    }
  }
}
