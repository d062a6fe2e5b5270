package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trailhound.event.FieldValue;
import io.trailhound.event.Resource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Capturer}'s capture read straight from a record's bytes, for the records that hold nothing
 * unusual: one pass that checks the UTF-8 (as {@link Utf8} does) and the JSON, with no parser to
 * create per record, no token objects, and no {@code String} for a member name or a value no path
 * wants (skipped members are checked for JSON grammar and duplicate names, not decoded). Anything
 * out of the ordinary — a grammar error, an escape in a member name, a duplicate name, a fraction
 * or a long number at a captured path, deep nesting, a huge object — answers null and the record
 * takes the Jackson path, which decides it exactly as before. So what a record yields, and why a
 * record is skipped, never depends on which path read it; this one only has to be right on the
 * records it accepts, and it accepts only strict RFC 8259 JSON. Not thread-safe; one per worker
 * thread.
 */
final class ByteCapturer {

  /** Jackson's limit is {@link Jackson#MAX_DEPTH}; deeper records take its path. */
  private static final int MAX_DEPTH = 200;

  /** Members per object checked linearly for duplicates; bigger objects take Jackson's path. */
  private static final int MAX_MEMBERS = 64;

  private static final int MAX_NAME = 1000;
  private static final int MAX_NUMBER = 500;

  /** Far below Jackson's string limit, so a string Jackson would refuse takes its path. */
  private static final int MAX_STRING_BYTES = 1 << 20;

  /** Digits of an integer that surely fits a long (Jackson makes an int or a long of it). */
  private static final int MAX_LONG_DIGITS = 18;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Control flow only: the record needs the Jackson path. No stack trace, one instance. */
  private static final class Unusual extends Exception {
    private static final long serialVersionUID = 1L;

    Unusual() {
      super(null, null, false, false);
    }
  }

  private static final Unusual UNUSUAL = new Unusual();

  private final PathTrie trie;
  private final ValueCache cache = new ValueCache();

  /**
   * Names outside the trie of the open objects, innermost last: start, length, first and last words
   * ({@link PathTrie#first}, {@link PathTrie#last}).
   */
  private int[] nameStarts = new int[256];

  private int[] nameLengths = new int[256];
  private long[] nameFirsts = new long[256];
  private long[] nameLasts = new long[256];
  private int top;

  /** Of the name {@link #name} read last. */
  private int nameLength;

  private long nameFirst;
  private long nameLast;

  private byte[] b;
  private int i;
  private int n;
  private Capture capture;

  /** Where the record starts in {@link #b}; ranges kept in the capture are relative to it. */
  private int origin;

  /** Reading a JSON line in place: a newline ends the line, it is not whitespace. */
  private boolean lineMode;

  ByteCapturer(PathTrie trie) {
    this.trie = trie;
  }

  /** Objects with more captured values are not remembered. */
  private static final int MAX_MEMO_VALUES = 64;

  /** Made on the first remembered member (not for the subtree readers {@link #tree} makes). */
  private Memos memos;

  /**
   * The values added while reading an object to remember, as {@link Memo#slots} and {@link
   * Memo#values} keep them; -1 when not reading one.
   */
  private final int[] recordedSlots = new int[MAX_MEMO_VALUES];

  private final Object[] recordedValues = new Object[MAX_MEMO_VALUES];
  private int recorded = -1;

  /**
   * An object at a remembered member ({@code b[i] == '{'}): when the same bytes were read before
   * (as a line or not, as now), what was captured from them is added again and they are stepped
   * over; the object then reads exactly as it did, since reading it depends on nothing but its
   * bytes, its depth (a top-level member's is fixed) and whether newlines end the input. Otherwise
   * it is read, and remembered. Either way the capture learns the caller's identity's entry ({@link
   * Capture#memo}).
   */
  private void memoObject(PathTrie.Node node, int depth) throws Unusual {
    int start = i;
    if (memos == null) {
      memos = new Memos();
    }
    int set = Memos.set(b, start, n);
    Memo found = memos.find(set, node, b, start, n, lineMode);
    if (found != null) {
      replay(found);
      i = start + found.length;
      if (node.identity()) {
        capture.memo(found);
      }
      return;
    }
    recorded = 0;
    boolean read = false;
    try {
      object(node, depth);
      read = true;
    } finally {
      int count = recorded;
      recorded = -1;
      if (read && count >= 0 && i - start <= Memos.MAX_BYTES) {
        Memo m =
            new Memo(
                node,
                Arrays.copyOfRange(b, start, i),
                lineMode,
                Arrays.copyOf(recordedSlots, count),
                Arrays.copyOf(recordedValues, count));
        memos.add(set, m);
        if (node.identity()) {
          capture.memo(m);
        }
      }
    }
  }

  /**
   * Adds a remembered object's values; the kind of each is in its slot's lowest bit, so the values
   * (shared objects, often far apart in memory) are not read here.
   */
  @SuppressWarnings("unchecked")
  private void replay(Memo m) {
    int[] slots = m.slots;
    Object[] values = m.values;
    for (int k = 0; k < slots.length; k++) {
      int slot = slots[k];
      if ((slot & 1) == 0) {
        capture.add(slot >>> 1, (FieldValue) values[k]);
      } else {
        capture.add(slot >>> 1, (List<FieldValue>) values[k]);
      }
    }
  }

  private void add(int slot, FieldValue value) {
    record(slot << 1, value);
    capture.add(slot, value);
  }

  private void add(int slot, List<FieldValue> single) {
    record(slot << 1 | 1, single);
    capture.add(slot, single);
  }

  /**
   * Notes a value added while reading an object to remember ({@code kind}: its slot, shifted left,
   * and 1 for a one-element list); with too many the object is not remembered.
   */
  private void record(int kind, Object value) {
    int k = recorded;
    if (k >= 0) {
      if (k == MAX_MEMO_VALUES) {
        recorded = Integer.MIN_VALUE;
      } else {
        recordedSlots[k] = kind;
        recordedValues[k] = value;
        recorded = k + 1;
      }
    }
  }

  /** The capture of a whole record, or null when it must go through the Jackson path. */
  Capture capture(byte[] record) {
    b = record;
    n = record.length;
    i = 0;
    origin = 0;
    top = 0;
    capture = new Capture(trie.dense(), false);
    try {
      if (n == 0 || b[0] != '{') {
        return null;
      }
      object(trie.root(), 1);
      ws();
      return i == n ? capture : null;
    } catch (Unusual e) {
      return null;
    } finally {
      b = null;
    }
  }

  /**
   * A record that is a whole JSON line, read where it lies in a read buffer.
   *
   * @param capture what {@link #capture} makes of the record's bytes {@code [from, to)}
   * @param next where the next line starts, after the newline
   */
  record Line(Capture capture, int from, int to, int next) {}

  /**
   * The capture of the JSON line starting at {@code buf[from]} (the bytes up to {@code limit} are
   * readable), without looking for its end first: the object is read, and only blanks may follow it
   * up to the newline. Newlines are not whitespace here, so a record that would take the capture on
   * the line's own bytes, trimmed, takes it here with the same result, and any other (a record cut
   * by the end of the buffer, spread over lines, followed by more, or unusual) answers null without
   * anything consumed: the caller then frames the line and reads it as before.
   */
  Line captureLine(byte[] buf, int from, int limit) {
    b = buf;
    n = limit;
    i = from;
    top = 0;
    try {
      while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
        i++;
      }
      int start = i;
      if (!Shapes.firstNameIsAnEventKey(b, start, n)) {
        return null;
      }
      origin = start;
      capture = new Capture(trie.dense(), false);
      lineMode = true;
      object(trie.root(), 1);
      int end = i;
      while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
        i++;
      }
      return i < n && b[i] == '\n' ? new Line(capture, start, end, i + 1) : null;
    } catch (Unusual e) {
      return null;
    } finally {
      b = null;
      lineMode = false;
      origin = 0;
    }
  }

  private byte at() throws Unusual {
    if (i >= n) {
      throw UNUSUAL;
    }
    return b[i];
  }

  private void ws() {
    while (i < n) {
      byte c = b[i];
      if (c != ' ' && c != '\r' && c != '\t' && (c != '\n' || lineMode)) {
        return;
      }
      i++;
    }
  }

  /**
   * An object at {@code b[i] == '{'}; {@code node} is its trie node, null when nothing in it is
   * wanted (it is then only checked).
   */
  private void object(PathTrie.Node node, int depth) throws Unusual {
    if (depth > MAX_DEPTH) {
      throw UNUSUAL;
    }
    // Names of the trie are checked for repeats with a bit each; only other names are compared.
    boolean wanted = node != null && node.hasChildren() && node.childCount() <= 64;
    if (node != null && node.hasChildren() && !wanted) {
      throw UNUSUAL;
    }
    long seen = 0;
    i++;
    int base = top;
    long names = 0;
    ws();
    if (at() == '}') {
      i++;
      return;
    }
    while (true) {
      int start = name();
      int k = wanted ? node.childIndex(b, start, nameLength, nameFirst, nameLast) : -1;
      if (k < 0) {
        names = member(base, start, names);
        skip(depth);
      } else {
        long bit = 1L << k;
        if ((seen & bit) != 0) {
          throw UNUSUAL;
        }
        seen |= bit;
        PathTrie.Node child = node.child(k);
        if (child.subtree()) {
          int from = i;
          List<Resource> resources = resources(depth);
          capture.lazySubtree(child.name(), from - origin, i - origin, resources);
        } else {
          value(child, depth);
        }
      }
      ws();
      byte c = at();
      i++;
      if (c == '}') {
        top = base;
        return;
      }
      if (c != ',') {
        throw UNUSUAL;
      }
      ws();
    }
  }

  /**
   * A member name and its colon, at the opening quote: returns where its bytes start and leaves its
   * length and words in {@link #nameLength}, {@link #nameFirst} and {@link #nameLast}. Names with
   * escapes are unusual.
   */
  private int name() throws Unusual {
    if (at() != '"') {
      throw UNUSUAL;
    }
    int start = ++i;
    if (stop() != '"') {
      throw UNUSUAL;
    }
    int len = i - start;
    i++;
    if (len > MAX_NAME) {
      throw UNUSUAL;
    }
    nameLength = len;
    nameFirst = PathTrie.first(b, start, len);
    nameLast = PathTrie.last(b, start, len);
    ws();
    if (at() != ':') {
      throw UNUSUAL;
    }
    i++;
    ws();
    return start;
  }

  /**
   * Moves to the next quote, backslash or control byte inside a string and returns it, checking the
   * UTF-8 sequences on the way (the only place a record may hold bytes above ASCII). Looks at eight
   * bytes per step.
   */
  private int stop() throws Unusual {
    while (true) {
      while (i + 8 <= n) {
        long x = (long) LONGS.get(b, i);
        long q = x ^ QUOTES;
        long s = x ^ BACKSLASHES;
        long found = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - SPACES) & ~x) | x) & HIGH_BITS;
        if (found != 0) {
          i += Long.numberOfTrailingZeros(found) >>> 3;
          break;
        }
        i += 8;
      }
      int c = at() & 0xff;
      if (c == '"' || c == '\\' || c < 0x20) {
        return c;
      }
      if (c >= 0x80) {
        utf8();
      } else {
        i++;
      }
    }
  }

  /** A multi-byte UTF-8 sequence at {@code i}, checked as {@link Utf8} checks it. */
  private void utf8() throws Unusual {
    int next = Utf8.sequence(b, i, n);
    if (next < 0) {
      throw UNUSUAL;
    }
    i = next;
  }

  /**
   * Records the name just read among the names of the object whose first is at {@code base},
   * failing on a repeat. {@code names} is the object's filter of the names so far, a bit per name
   * hash: a name whose bit is clear cannot be a repeat and is compared with none of them, so an
   * object's names cost linear time, not quadratic. Returns the filter with the name added.
   */
  private long member(int base, int start, long names) throws Unusual {
    int len = nameLength;
    long first = nameFirst;
    long last = nameLast;
    if (top - base >= MAX_MEMBERS) {
      throw UNUSUAL;
    }
    long bit =
        1L << (int) ((first * 0x9E3779B97F4A7C15L + last * 0xC2B2AE3D27D4EB4FL + len) >>> 58);
    if ((names & bit) != 0) {
      for (int k = base; k < top; k++) {
        if (nameLengths[k] == len
            && nameFirsts[k] == first
            && nameLasts[k] == last
            && (len <= 16 || PathTrie.same(b, nameStarts[k], b, start, len))) {
          throw UNUSUAL;
        }
      }
    }
    if (top == nameStarts.length) {
      nameStarts = Arrays.copyOf(nameStarts, top * 2);
      nameLengths = Arrays.copyOf(nameLengths, top * 2);
      nameFirsts = Arrays.copyOf(nameFirsts, top * 2);
      nameLasts = Arrays.copyOf(nameLasts, top * 2);
    }
    nameStarts[top] = start;
    nameLengths[top] = len;
    nameFirsts[top] = first;
    nameLasts[top] = last;
    top++;
    return names | bit;
  }

  /** A member value at a wanted path, as {@link Capturer} keeps it. */
  private void value(PathTrie.Node node, int depth) throws Unusual {
    int slot = node.slot();
    byte c = at();
    if (c == '{') {
      if (slot >= 0) {
        add(slot, FieldValue.Container.OBJECT);
      }
      if (node.memo() && recorded < 0) {
        memoObject(node, depth + 1);
      } else {
        object(node, depth + 1);
      }
    } else if (c == '[') {
      array(node, slot >= 0, depth + 1);
    } else if (slot < 0) {
      scalar(false);
    } else if (c == '"' && node.shared()) {
      add(slot, sharedText());
    } else {
      add(slot, scalar(true));
    }
  }

  /** An array: transparent for longer paths; at the end of a path each element is a value. */
  private void array(PathTrie.Node node, boolean emit, int depth) throws Unusual {
    if (depth > MAX_DEPTH) {
      throw UNUSUAL;
    }
    int slot = node.slot();
    i++;
    ws();
    if (at() == ']') {
      i++;
      if (emit) {
        add(slot, FieldValue.Container.ARRAY);
      }
      return;
    }
    while (true) {
      byte c = at();
      if (c == '{') {
        if (emit) {
          add(slot, FieldValue.Container.OBJECT);
        }
        object(node, depth + 1);
      } else if (c == '[') {
        if (emit) {
          add(slot, FieldValue.Container.ARRAY);
        }
        array(node, false, depth + 1);
      } else if (!emit) {
        scalar(false);
      } else if (c == '"' && node.shared()) {
        add(slot, sharedText());
      } else {
        add(slot, scalar(true));
      }
      ws();
      c = at();
      i++;
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw UNUSUAL;
      }
      ws();
    }
  }

  /** Checks a value nothing wants. */
  private void skip(int depth) throws Unusual {
    byte c = at();
    if (c == '{') {
      object(null, depth + 1);
    } else if (c == '[') {
      if (depth + 1 > MAX_DEPTH) {
        throw UNUSUAL;
      }
      i++;
      ws();
      if (at() == ']') {
        i++;
        return;
      }
      while (true) {
        skip(depth + 1);
        ws();
        c = at();
        i++;
        if (c == ']') {
          return;
        }
        if (c != ',') {
          throw UNUSUAL;
        }
        ws();
      }
    } else {
      scalar(false);
    }
  }

  /**
   * A string, number or literal; the value {@link Capturer} would keep when {@code keep} (numbers
   * other than short integers are unusual then), else null.
   */
  private FieldValue scalar(boolean keep) throws Unusual {
    byte c = at();
    if (c == '"') {
      int start = i + 1;
      boolean escaped = string();
      return keep ? new FieldValue.Text(text(start, i - 1, escaped)) : null;
    }
    if (c == 't') {
      literal("true");
      return FieldValue.Bool.TRUE;
    }
    if (c == 'f') {
      literal("false");
      return FieldValue.Bool.FALSE;
    }
    if (c == 'n') {
      literal("null");
      return FieldValue.Null.INSTANCE;
    }
    long v = number(keep);
    return keep ? new FieldValue.Num(Long.toString(v)) : null;
  }

  private List<FieldValue> sharedText() throws Unusual {
    int start = i + 1;
    if (string()) {
      return List.of(new FieldValue.Text(text(start, i - 1, true)));
    }
    return cache.text(b, start, i - 1);
  }

  private void literal(String word) throws Unusual {
    int len = word.length();
    if (i + len > n) {
      throw UNUSUAL;
    }
    for (int k = 0; k < len; k++) {
      if (b[i + k] != word.charAt(k)) {
        throw UNUSUAL;
      }
    }
    i += len;
    delimiter();
  }

  /** After a literal or number: the next byte must end it. */
  private void delimiter() throws Unusual {
    if (i < n) {
      byte c = b[i];
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw UNUSUAL;
      }
    }
  }

  /**
   * A number; checked against the JSON grammar. With {@code keep} it must be an integer of at most
   * {@link #MAX_LONG_DIGITS} digits, whose value is returned.
   */
  private long number(boolean keep) throws Unusual {
    int start = i;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    byte c = at();
    long v = 0;
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      while (i < n && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i] - '0');
        i++;
      }
    } else {
      throw UNUSUAL;
    }
    int digits = i - start - (negative ? 1 : 0);
    boolean integral = true;
    if (i < n && b[i] == '.') {
      integral = false;
      i++;
      digits();
    }
    if (i < n && (b[i] == 'e' || b[i] == 'E')) {
      integral = false;
      i++;
      if (i < n && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      digits();
    }
    delimiter();
    if (i - start > MAX_NUMBER || (keep && (!integral || digits > MAX_LONG_DIGITS))) {
      throw UNUSUAL;
    }
    return negative ? -v : v;
  }

  private void digits() throws Unusual {
    byte c = at();
    if (c < '0' || c > '9') {
      throw UNUSUAL;
    }
    while (i < n && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
  }

  /**
   * A string at its opening quote; leaves {@code i} after the closing quote and says whether it
   * holds escapes.
   */
  private boolean string() throws Unusual {
    int open = i++;
    boolean escaped = false;
    while (true) {
      int c = stop();
      if (c == '"') {
        i++;
        if (i - open > MAX_STRING_BYTES) {
          throw UNUSUAL;
        }
        return escaped;
      }
      if (c == '\\') {
        escape();
        escaped = true;
      } else {
        throw UNUSUAL;
      }
    }
  }

  /** An escape at its backslash. */
  private void escape() throws Unusual {
    if (i + 1 >= n) {
      throw UNUSUAL;
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
      case 'u' -> {
        if (i + 6 > n) {
          throw UNUSUAL;
        }
        for (int k = i + 2; k < i + 6; k++) {
          if (hex(b[k]) < 0) {
            throw UNUSUAL;
          }
        }
        i += 6;
      }
      default -> throw UNUSUAL;
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** The text of the string whose (checked) content is {@code b[from, to)}. */
  private String text(int from, int to, boolean escaped) {
    if (!escaped) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder(to - from);
    int run = from;
    int k = from;
    while (k < to) {
      if (b[k] != '\\') {
        k++;
        continue;
      }
      out.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      byte e = b[k + 1];
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int cp = 0;
          for (int d = k + 2; d < k + 6; d++) {
            cp = (cp << 4) | hex(b[d]);
          }
          out.append((char) cp);
          k += 4;
        }
        default -> out.append((char) e);
      }
      k += 2;
      run = k;
    }
    out.append(new String(b, run, to - run, StandardCharsets.UTF_8));
    return out.toString();
  }

  /**
   * A subtree root ({@code resources}) checked as {@link #subtree} checks it, without building its
   * tree (which only a rule reading a path under it needs, see {@link #tree(byte[], int, int)}):
   * the {@link Resource}s the normaliser makes of its objects, as {@code Normaliser} reads them
   * from the tree.
   */
  private List<Resource> resources(int depth) throws Unusual {
    if (at() != '[') {
      throw UNUSUAL;
    }
    if (depth + 1 > MAX_DEPTH) {
      throw UNUSUAL;
    }
    i++;
    ws();
    if (at() == ']') {
      i++;
      return List.of();
    }
    // most records name one resource; the view keeps an immutable list, made here at once
    Resource one = null;
    List<Resource> out = null;
    while (true) {
      if (at() == '{') {
        Resource r = resource(depth + 2);
        if (one == null && out == null) {
          one = r;
        } else {
          if (out == null) {
            out = new ArrayList<>(4);
            out.add(one);
          }
          out.add(r);
        }
      } else {
        strict(depth + 2);
      }
      ws();
      byte c = at();
      i++;
      if (c == ']') {
        return out != null ? List.copyOf(out) : one != null ? List.of(one) : List.of();
      }
      if (c != ',') {
        throw UNUSUAL;
      }
      ws();
    }
  }

  /** An object in {@code resources}, at depth {@code depth} as {@link #tree} counts it. */
  private Resource resource(int depth) throws Unusual {
    if (depth > MAX_DEPTH) {
      throw UNUSUAL;
    }
    String upperArn = null;
    String lowerArn = null;
    String type = null;
    String account = null;
    i++;
    int base = top;
    long names = 0;
    ws();
    if (at() == '}') {
      i++;
      return new Resource(null, null, null);
    }
    while (true) {
      int start = name();
      names = member(base, start, names);
      int len = nameLength;
      byte c = at();
      if (c == '{' || c == '[') {
        strict(depth + 1);
      } else {
        if (depth + 1 > MAX_DEPTH) {
          throw UNUSUAL;
        }
        String text = nodeText();
        if (len == 3 && b[start] == 'A' && b[start + 1] == 'R' && b[start + 2] == 'N') {
          upperArn = text;
        } else if (len == 3 && b[start] == 'a' && b[start + 1] == 'r' && b[start + 2] == 'n') {
          lowerArn = text;
        } else if (len == 4 && PathTrie.same(b, start, TYPE, 0, 4)) {
          type = text;
        } else if (len == 9 && PathTrie.same(b, start, ACCOUNT_ID, 0, 9)) {
          account = text;
        }
      }
      ws();
      c = at();
      i++;
      if (c == '}') {
        top = base;
        return new Resource(upperArn != null ? upperArn : lowerArn, type, account);
      }
      if (c != ',') {
        throw UNUSUAL;
      }
      ws();
    }
  }

  private static final byte[] TYPE = "type".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCOUNT_ID = "accountId".getBytes(StandardCharsets.US_ASCII);

  /**
   * A scalar of {@code resources} as the normaliser reads it from the tree: its text ({@code
   * asText()} of the node), null for JSON null.
   */
  private String nodeText() throws Unusual {
    byte c = at();
    if (c == '"') {
      int start = i + 1;
      boolean escaped = string();
      // ARNs, types and accounts of resources repeat like the actor's
      return escaped ? text(start, i - 1, true) : cache.text(b, start, i - 1).get(0).text();
    }
    if (c == 't') {
      literal("true");
      return "true";
    }
    if (c == 'f') {
      literal("false");
      return "false";
    }
    if (c == 'n') {
      literal("null");
      return null;
    }
    return Long.toString(number(true));
  }

  /**
   * A value inside {@code resources} that is not read: checked exactly as {@link #tree} checks it
   * at {@code depth}, building nothing.
   */
  private void strict(int depth) throws Unusual {
    if (depth > MAX_DEPTH) {
      throw UNUSUAL;
    }
    byte c = at();
    if (c == '{') {
      i++;
      int base = top;
      long names = 0;
      ws();
      if (at() == '}') {
        i++;
        return;
      }
      while (true) {
        int start = name();
        names = member(base, start, names);
        strict(depth + 1);
        ws();
        c = at();
        i++;
        if (c == '}') {
          top = base;
          return;
        }
        if (c != ',') {
          throw UNUSUAL;
        }
        ws();
      }
    }
    if (c == '[') {
      i++;
      ws();
      if (at() == ']') {
        i++;
        return;
      }
      while (true) {
        strict(depth + 1);
        ws();
        c = at();
        i++;
        if (c == ']') {
          return;
        }
        if (c != ',') {
          throw UNUSUAL;
        }
        ws();
      }
    }
    if (c == '"') {
      string();
    } else if (c == 't') {
      literal("true");
    } else if (c == 'f') {
      literal("false");
    } else if (c == 'n') {
      literal("null");
    } else {
      number(true);
    }
  }

  /**
   * The tree of the value at {@code record[from, to)}, which {@link #capture} read as a subtree
   * root; for the rules that read a path under it.
   */
  static JsonNode tree(byte[] record, int from, int to) {
    ByteCapturer reader = new ByteCapturer(null);
    reader.b = record;
    reader.i = from;
    reader.n = to;
    try {
      return reader.subtree(0);
    } catch (Unusual e) {
      throw new IllegalStateException("a subtree the capture accepted no longer reads", e);
    }
  }

  /**
   * The value of a subtree root ({@code resources}) as the tree Jackson's mapper builds: an array
   * of anything but fractions and long numbers; another kind of value is unusual.
   */
  private JsonNode subtree(int depth) throws Unusual {
    if (at() != '[') {
      throw UNUSUAL;
    }
    return tree(depth + 1);
  }

  private JsonNode tree(int depth) throws Unusual {
    if (depth > MAX_DEPTH) {
      throw UNUSUAL;
    }
    byte c = at();
    if (c == '{') {
      ObjectNode object = NODES.objectNode();
      i++;
      int base = top;
      long names = 0;
      ws();
      if (at() == '}') {
        i++;
        return object;
      }
      while (true) {
        int start = name();
        names = member(base, start, names);
        String name = new String(b, start, nameLength, StandardCharsets.UTF_8);
        object.set(name, tree(depth + 1));
        ws();
        c = at();
        i++;
        if (c == '}') {
          top = base;
          return object;
        }
        if (c != ',') {
          throw UNUSUAL;
        }
        ws();
      }
    }
    if (c == '[') {
      ArrayNode array = NODES.arrayNode();
      i++;
      ws();
      if (at() == ']') {
        i++;
        return array;
      }
      while (true) {
        array.add(tree(depth + 1));
        ws();
        c = at();
        i++;
        if (c == ']') {
          return array;
        }
        if (c != ',') {
          throw UNUSUAL;
        }
        ws();
      }
    }
    if (c == '"') {
      int start = i + 1;
      boolean escaped = string();
      return TextNode.valueOf(text(start, i - 1, escaped));
    }
    if (c == 't') {
      literal("true");
      return BooleanNode.TRUE;
    }
    if (c == 'f') {
      literal("false");
      return BooleanNode.FALSE;
    }
    if (c == 'n') {
      literal("null");
      return NullNode.instance;
    }
    long v = number(true);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE
        ? IntNode.valueOf((int) v)
        : LongNode.valueOf(v);
  }
}
