package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.testing.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte-level capture either declines a record or captures exactly what the Jackson capture
 * does: the same values at every slot and the same {@code resources} tree. A record Jackson refuses
 * (bad JSON, a duplicate name, content after it) is always declined, and so is invalid UTF-8.
 */
class ByteCapturerTest {

  private static final List<String> KEYS =
      List.of("a", "b", "é", "resources", "eventName", "userIdentity", "ARN");
  private static final RandomRecords RANDOM =
      new RandomRecords(KEYS, 12, 5, "\"\\/\b\f\n\r\t\u0000\u001fé€😀a");

  @Property(tries = 600)
  void captures_what_jackson_captures_or_declines(
      @ForAll("documents") JsonNode doc,
      @ForAll("pathSets") Set<String> captured,
      @ForAll boolean cached,
      @ForAll @IntRange(min = -1, max = 400) int mutateAt,
      @ForAll("bytes") byte mutation)
      throws IOException {
    byte[] raw = Generated.JSON.writeValueAsBytes(doc);
    if (mutateAt >= 0 && mutateAt < raw.length) {
      raw[mutateAt] = mutation;
      if (Utf8.firstInvalid(raw) >= 0) {
        // the pipeline then checks the UTF-8 itself and skips the record
        PathTrie trie = PathTrie.build(captured, Normaliser.SUBTREES);
        assertThat(new ByteCapturer(trie).capture(raw)).isNull();
        return;
      }
    }
    assertAgrees(raw, captured, cached ? captured : Set.of());
  }

  @Example
  void hand_written_edge_cases_agree() throws IOException {
    String[] records = {
      "{\"a\":\"x\\u00e9\\\"\\\\\\/\\b\\f\\n\\r\\t\\ud83d\\ude00y\",\"b\":-0}",
      "{\"a\":1,\"a\":2}",
      "{\"a\":{\"b\":1,\"b\":1}}",
      "{\"b\":{\"x\":[1,{\"y\":2,\"y\":3}]}}",
      "{\"a\":01}",
      "{\"a\":1.5e3,\"b\":[1e2,-0.0]}",
      "{\"a\":123456789012345678901234}",
      "{\"a\":tru}",
      "{\"a\":truex}",
      "{\"a\":[1,]}",
      "{\"a\":1,}",
      "{\"a\":\"\t\"}",
      "{\"a\\u0062\":1,\"ab\":2}",
      "{\"a\":1} x",
      "{\"a\":1}  ",
      "{\"resources\":[{\"ARN\":\"arn:x\",\"n\":2147483648,\"m\":[true,false,null]}]}",
      "{\"resources\":{\"ARN\":\"arn:x\"}}",
      "{\"resources\":null}",
      "{\"resources\":[{\"ARN\":1.5}]}",
      "{\"a\":\"unterminated}",
      "{\"a\":[[[[[]]]]],\"b\":{}}",
      "[{\"a\":1}]",
    };
    Set<String> paths = Set.of("a", "b", "b.x", "b.x.y", "ab");
    for (String r : records) {
      assertAgrees(r.getBytes(StandardCharsets.UTF_8), paths, Set.of("a"));
    }
  }

  @Example
  void declines_invalid_utf8_anywhere_in_the_record() {
    PathTrie trie = PathTrie.build(Set.of("a"), Normaliser.SUBTREES);
    byte[][] records = {
      {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // overlong
      {'{', '"', 'b', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // surrogate
      {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}, // in a name
      {
        '{',
        '"',
        'a',
        '"',
        ':',
        '"',
        'x',
        'y',
        'z',
        'w',
        'v',
        'u',
        (byte) 0xE2,
        (byte) 0x82,
        '"',
        '}'
      },
    };
    for (byte[] raw : records) {
      assertThat(Utf8.firstInvalid(raw)).isNotNegative();
      assertThat(new ByteCapturer(trie).capture(raw)).isNull();
    }
  }

  @Example
  void reads_every_real_event_of_the_corpus_itself_and_agrees() throws IOException {
    Path dir = SharedCorpus.require("corpus/logs/cloudtrail");
    List<byte[]> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".cloudtrail")).sorted().toList()) {
        JsonNode doc = Generated.JSON.readTree(f.toFile());
        for (JsonNode event : doc.isArray() ? doc : doc.path("Records")) {
          records.add(Generated.JSON.writeValueAsBytes(event));
        }
      }
    }
    // the audit sweep's lines byte for byte, as the reader frames them
    for (String line :
        Files.readAllLines(
            dir.resolve("opensearch-audit-sweep/events.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        records.add(line.strip().getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(records).hasSizeGreaterThan(100);
    Set<String> paths = new HashSet<>(Normaliser.PATHS);
    paths.addAll(List.of("requestParameters.bucketName", "responseElements.credentials"));
    for (byte[] raw : records) {
      assertThat(assertAgrees(raw, paths, Normaliser.SHARED)).isTrue();
    }
  }

  /** Asserts agreement; returns whether the byte-level capture took the record. */
  private static boolean assertAgrees(byte[] raw, Set<String> captured, Set<String> shared)
      throws IOException {
    PathTrie trie = PathTrie.build(captured, Normaliser.SUBTREES).share(shared);
    Capture quick = new ByteCapturer(trie).capture(raw);
    Capture reference = jackson(raw, trie);
    String text = new String(raw, StandardCharsets.UTF_8);
    if (reference == null) {
      assertThat(quick).as("declines what Jackson refuses: %s", text).isNull();
      return false;
    }
    if (quick == null) {
      return false;
    }
    for (String path : captured) {
      int slot = trie.slot(path);
      if (slot >= 0) {
        assertThat(quick.values(slot)).as("%s in %s", path, text).isEqualTo(reference.values(slot));
      }
    }
    assertThat(quick.subtrees(raw)).as(text).isEqualTo(reference.subtrees());
    assertThat(quick.resources() == null ? List.of() : quick.resources())
        .as("resources of %s", text)
        .isEqualTo(Normaliser.resources(reference.subtree("resources")));
    return true;
  }

  /** The Jackson capture of a record, or null when Jackson refuses it. */
  static Capture jackson(byte[] raw, PathTrie trie) {
    Jackson jackson = new Jackson(1 << 20);
    try (JsonParser p = jackson.recordParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Capture capture = new Capturer(trie, false, jackson).capture(p);
      return p.nextToken() == null ? capture : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Provide
  Arbitrary<Byte> bytes() {
    return Arbitraries.of(
        (byte) '"',
        (byte) '\\',
        (byte) ',',
        (byte) '}',
        (byte) ']',
        (byte) '{',
        (byte) ':',
        (byte) ' ',
        (byte) '0',
        (byte) '-',
        (byte) 'e',
        (byte) '.',
        (byte) 't',
        (byte) 1,
        (byte) 'a',
        (byte) 0xC3,
        (byte) 0xA9,
        (byte) 0x80,
        (byte) 0xFF,
        (byte) 0xED);
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return RANDOM.documents();
  }

  @Provide
  Arbitrary<Set<String>> pathSets() {
    return RANDOM.pathSets();
  }
}
