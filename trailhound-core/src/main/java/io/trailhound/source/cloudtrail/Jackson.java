package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trailhound.source.SkipReason;
import java.io.IOException;

/**
 * The Jackson set-up for records. Limits are deliberate and no looser than the defaults {@link
 * io.trailhound.event.RawFields} parses with, so a record accepted here can always be re-parsed:
 * nesting depth 256 (CloudTrail request parameters are shallow; this bounds recursion), strings up
 * to the record size cap but at most 20 million characters, numbers up to 1,000 digits, names up to
 * 50,000 characters. Violations become {@link SkipReason#LIMIT_EXCEEDED} skips.
 */
final class Jackson {

  static final int MAX_DEPTH = 256;
  static final int MAX_STRING = 20_000_000;

  final JsonFactory lenient;

  /**
   * {@link #lenient} without charset detection, which Jackson otherwise runs for every parser it
   * makes from bytes; used only where detection could only answer UTF-8 (see {@link #parser}).
   */
  private final JsonFactory utf8;

  final ObjectMapper mapper;

  /**
   * Builds the subtrees a capture keeps, failing on a duplicate member name like the capture does
   * (see {@link Capturer}), so such records fall back to the whole tree.
   */
  final ObjectMapper subtrees;

  Jackson(long maxRecordBytes) {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength((int) Math.min(maxRecordBytes, MAX_STRING))
            .maxNumberLength(1000)
            .maxNameLength(50_000)
            .build();
    this.lenient = JsonFactory.builder().streamReadConstraints(limits).build();
    this.utf8 =
        JsonFactory.builder()
            .streamReadConstraints(limits)
            .disable(JsonFactory.Feature.CHARSET_DETECTION)
            .build();
    this.mapper = JsonMapper.builder(lenient).build();
    this.subtrees =
        JsonMapper.builder(lenient)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
  }

  /** A parser for one record's bytes, for {@link Capturer}. */
  JsonParser recordParser(byte[] raw) throws IOException {
    return parser(raw);
  }

  /**
   * A parser of {@link #lenient} for {@code bytes}. Charset detection looks at the first four bytes
   * only, for a byte order mark or zero bytes (UTF-16/32); when they are an ASCII '{' and three
   * non-zero bytes it can only answer UTF-8, so it is skipped.
   */
  JsonParser parser(byte[] bytes) throws IOException {
    boolean plainUtf8 =
        bytes.length >= 4 && bytes[0] == '{' && bytes[1] != 0 && bytes[2] != 0 && bytes[3] != 0;
    return (plainUtf8 ? utf8 : lenient).createParser(bytes);
  }

  static boolean isDuplicate(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    return m != null && m.startsWith("Duplicate");
  }

  /** A skip reason and a short detail for a parse failure; never quotes record content. */
  static RecordException classify(IOException e) {
    if (e instanceof StreamConstraintsException c) {
      return new RecordException(SkipReason.LIMIT_EXCEEDED, shorten(c.getOriginalMessage()));
    }
    if (e instanceof JsonProcessingException j) {
      JsonLocation loc = j.getLocation();
      String where =
          loc == null || loc.getByteOffset() < 0 ? "" : " at byte " + loc.getByteOffset();
      String message = shorten(j.getOriginalMessage());
      if (message.startsWith("Invalid UTF-8")) {
        return new RecordException(SkipReason.INVALID_UTF8, message + where);
      }
      return new RecordException(SkipReason.INVALID_JSON, message + where);
    }
    return new RecordException(SkipReason.INVALID_JSON, e.getClass().getSimpleName());
  }

  /** The message up to the first quote or parenthesis, which is where Jackson quotes content. */
  private static String shorten(String message) {
    if (message == null) {
      return "parse error";
    }
    int cut = message.length();
    for (char c : new char[] {'(', '\'', '"', '\n'}) {
      int i = message.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String s = message.substring(0, cut).trim();
    return s.isEmpty() ? "parse error" : s;
  }
}
