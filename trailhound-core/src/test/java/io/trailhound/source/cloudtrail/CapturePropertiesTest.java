package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.TreeFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The streaming capture answers every path exactly like {@link TreeFields}. */
class CapturePropertiesTest {

  private static final List<String> KEYS = List.of("a", "b", "c", "resources", "eventName");
  private static final RandomRecords RANDOM = new RandomRecords(KEYS, 4, 4, null);

  @Property(tries = 400)
  void capture_answers_like_the_tree(
      @ForAll("documents") JsonNode doc,
      @ForAll("pathSets") Set<String> captured,
      @ForAll("pathSets") Set<String> asked,
      @ForAll boolean allText,
      @ForAll boolean cached)
      throws IOException {
    byte[] raw = Generated.JSON.writeValueAsBytes(doc);
    Set<String> shared = cached ? captured : Set.of();
    assertSame(raw, captured, shared, allText, union(JsonPaths.all(doc), captured, asked));
  }

  @Example
  void cached_values_of_one_record_do_not_leak_into_the_next() throws IOException {
    Jackson jackson = new Jackson(1 << 20);
    Set<String> paths = Set.of("a", "b.c");
    PathTrie trie = PathTrie.build(paths, Normaliser.SUBTREES).share(paths);
    Capturer capturer = new Capturer(trie, false, jackson);
    List<byte[]> records = new ArrayList<>();
    for (String line :
        new String(Fixtures.bytes("capture/repeated-values.jsonl"), StandardCharsets.UTF_8)
            .split("\n")) {
      records.add(line.getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] raw : records) {
      Capture capture;
      try (JsonParser p = jackson.recordParser(raw)) {
        p.nextToken();
        capture = capturer.capture(p);
      }
      FieldAccess fields = new CapturedFields(trie, capture, raw);
      TreeFields reference = new TreeFields(Generated.JSON.readTree(raw));
      for (String path : paths) {
        assertThat(fields.values(path)).as(path).isEqualTo(reference.values(path));
      }
    }
  }

  @Example
  void numbers_are_converted_like_the_tree_converts_them() throws IOException {
    byte[] raw = Fixtures.bytes("capture/numbers.json");
    JsonNode doc = Generated.JSON.readTree(raw);
    Set<String> paths = JsonPaths.all(doc);
    assertSame(raw, paths, Set.of(), true, paths);
    assertSame(raw, paths, paths, true, paths);
  }

  @Example
  void captured_paths_are_answered_without_parsing_the_raw_record() throws IOException {
    byte[] raw = Fixtures.bytes("capture/numbers.json");
    Jackson jackson = new Jackson(1 << 20);
    PathTrie trie = PathTrie.build(Set.of("b.c.a", "eventName"), Normaliser.SUBTREES);
    Capture capture;
    try (JsonParser p = jackson.recordParser(raw)) {
      p.nextToken();
      capture = new Capturer(trie, false, jackson).capture(p);
    }
    byte[] notJson = {'x'};
    FieldAccess fields = new CapturedFields(trie, capture, notJson);
    assertThat(fields.values("b.c.a")).extracting(v -> v.text()).containsExactly("3");
    assertThat(fields.values("resources.ARN"))
        .extracting(v -> v.text())
        .containsExactly("arn:aws:s3:::b");
    assertThat(fields.values("eventName")).hasSize(1);
  }

  private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    all.addAll(c);
    all.add("");
    all.add("a.");
    all.add("a..b");
    return all;
  }

  private static void assertSame(
      byte[] raw, Set<String> captured, Set<String> shared, boolean allText, Set<String> asked)
      throws IOException {
    Jackson jackson = new Jackson(1 << 20);
    PathTrie trie = PathTrie.build(captured, Normaliser.SUBTREES).share(shared);
    Capture capture;
    try (JsonParser p = jackson.recordParser(raw)) {
      p.nextToken();
      capture = new Capturer(trie, allText, jackson).capture(p);
    }
    FieldAccess fields = new CapturedFields(trie, capture, raw);
    TreeFields reference = new TreeFields(Generated.JSON.readTree(raw));
    for (String path : asked) {
      assertThat(fields.values(path)).as(path).isEqualTo(reference.values(path));
    }
    List<String> expected = new ArrayList<>();
    reference.forEachText(expected::add);
    List<String> actual = new ArrayList<>();
    fields.forEachText(actual::add);
    assertThat(actual).isEqualTo(expected);
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
