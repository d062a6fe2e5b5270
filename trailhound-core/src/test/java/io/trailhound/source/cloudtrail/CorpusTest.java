package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import io.trailhound.event.TreeFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real CloudTrail events of the shared corpus (skipped when the corpus is absent). */
class CorpusTest {

  private static Path root;

  @BeforeAll
  static void corpus() {
    String shared = System.getProperty("trailhound.shared");
    assumeThat(shared).as("system property trailhound.shared (the shared corpus)").isNotNull();
    root = Path.of(shared, "corpus", "logs", "cloudtrail");
    assumeThat(Files.isDirectory(root)).as("corpus folder %s", root).isTrue();
  }

  private static List<Path> files(String glob) throws IOException {
    var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> matcher.matches(root.relativize(p)))
          .sorted()
          .toList();
    }
  }

  private static List<Path> eventFiles() throws IOException {
    List<Path> files = new ArrayList<>(files("traildiscover/events/**/*.json.cloudtrail"));
    files.addAll(files("opensearch-audit-sweep/*.jsonl"));
    return files;
  }

  /** Records in a file, counted by a plain tree parse. */
  private static int expectedRecords(Path file) throws IOException {
    if (file.toString().endsWith(".jsonl")) {
      return (int)
          Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .count();
    }
    JsonNode tree = Generated.JSON.readTree(file.toFile());
    return tree.isArray() ? tree.size() : 1;
  }

  @Test
  void every_real_event_file_parses_with_no_skipped_record() throws IOException {
    List<Path> files = eventFiles();
    assertThat(files).hasSizeGreaterThan(300);
    for (Path file : files) {
      Fixtures.Result r = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(file)));
      assertThat(r.report().skips()).as(file.toString()).isEmpty();
      assertThat(r.events().size() + r.report().duplicates())
          .as(file.toString())
          .isEqualTo(expectedRecords(file));
    }
  }

  @Test
  void traildiscover_metadata_files_produce_no_events() throws IOException {
    List<Path> files = files("traildiscover/events/**/*.json");
    assertThat(files).hasSizeGreaterThan(300);
    Fixtures.Result r =
        Fixtures.read(Fixtures.options(), files.stream().map(Fixtures::input).toList());
    assertThat(r.events()).isEmpty();
    assertThat(r.report().skips()).containsOnlyKeys(io.trailhound.source.SkipReason.UNKNOWN_FORMAT);
  }

  @Test
  void raw_bytes_of_every_array_event_are_the_slice_of_the_file() throws IOException {
    for (Path file : files("traildiscover/events/**/*.json.cloudtrail")) {
      byte[] bytes = Files.readAllBytes(file);
      List<long[]> slices = JsonPaths.recordSlices(bytes);
      Fixtures.Result r = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(file)));
      for (Event e : r.events()) {
        long[] s = slices.get((int) e.origin().record());
        assertThat(e.rawJson())
            .as(e.toString())
            .isEqualTo(new String(bytes, (int) s[0], (int) (s[1] - s[0]), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void capture_answers_like_the_tree_for_every_path_of_every_real_event() throws IOException {
    List<Path> files = eventFiles();
    Set<String> everyPath = new HashSet<>();
    List<Event> events = new ArrayList<>();
    IngestOptions plain = Fixtures.options();
    for (Path file : files) {
      events.addAll(Fixtures.read(plain, List.of(Fixtures.input(file))).events());
    }
    for (Event e : events) {
      everyPath.addAll(JsonPaths.all(Generated.JSON.readTree(e.rawBytes())));
    }
    IngestOptions capturing = Fixtures.options().withCapture(everyPath, true);
    long compared = 0;
    for (Path file : files) {
      for (Event e : Fixtures.read(capturing, List.of(Fixtures.input(file))).events()) {
        JsonNode tree = Generated.JSON.readTree(e.rawBytes());
        TreeFields reference = new TreeFields(tree);
        for (String path : JsonPaths.all(tree)) {
          List<FieldValue> expected = reference.values(path);
          assertThat(e.values(path)).as("%s %s", e, path).isEqualTo(expected);
          compared++;
        }
        List<String> expectedText = new ArrayList<>();
        reference.forEachText(expectedText::add);
        List<String> actualText = new ArrayList<>();
        e.forEachText(actualText::add);
        assertThat(actualText).as(e.toString()).isEqualTo(expectedText);
      }
    }
    assertThat(compared).isGreaterThan(10_000);
  }
}
