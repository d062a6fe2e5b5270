package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.TreeFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The capture rejects a repeated member name, in any object of a record (small or large, captured
 * or skipped, inside the resources subtree or not), exactly when Jackson's strict duplicate
 * detection does; otherwise it answers like the tree.
 */
class DuplicateNamesPropertiesTest {

  private static final JsonFactory STRICT =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final List<String> NAMES = names();

  @Property(tries = 600)
  void duplicates_fail_the_capture_exactly_when_strict_jackson_fails(
      @ForAll("records") byte[] raw, @ForAll boolean allText) throws IOException {
    Jackson jackson = new Jackson(1 << 20);
    PathTrie trie =
        PathTrie.build(Set.of("n0", "n1.n2", "n3.n0.n1", "eventName"), Normaliser.SUBTREES);
    boolean strictFails = strictFails(raw);
    Capture capture = null;
    boolean captureFails = false;
    try (JsonParser p = jackson.recordParser(raw)) {
      p.nextToken();
      capture = new Capturer(trie, allText, jackson).capture(p);
    } catch (JsonProcessingException e) {
      assertThat(Jackson.isDuplicate(e)).as(e.getMessage()).isTrue();
      captureFails = true;
    }
    assertThat(captureFails).isEqualTo(strictFails);
    if (capture != null) {
      FieldAccess fields = new CapturedFields(trie, capture, raw);
      TreeFields reference = new TreeFields(Generated.JSON.readTree(raw));
      for (String path : List.of("n0", "n1.n2", "n3.n0.n1", "resources.n1", "n4")) {
        assertThat(fields.values(path)).as(path).isEqualTo(reference.values(path));
      }
    }
  }

  private static boolean strictFails(byte[] raw) throws IOException {
    try (JsonParser p = STRICT.createParser(raw)) {
      while (p.nextToken() != null) {
        // tokenise only
      }
      return false;
    } catch (JsonProcessingException e) {
      assertThat(Jackson.isDuplicate(e)).isTrue();
      return true;
    }
  }

  @Provide
  Arbitrary<byte[]> records() {
    return Arbitraries.randoms().map(DuplicateNamesPropertiesTest::write);
  }

  private static byte[] write(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Generated.JSON.getFactory().createGenerator(out)) {
      object(g, random, 3, random.nextInt(4) == 0 ? 40 : 6);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** An object whose names come from a pool small enough that repeats happen now and then. */
  private static void object(JsonGenerator g, Random random, int depth, int maxMembers)
      throws IOException {
    g.writeStartObject();
    int members = random.nextInt(maxMembers + 1);
    int pool = Math.max(4, members * (1 + random.nextInt(8)));
    for (int i = 0; i < members; i++) {
      g.writeFieldName(NAMES.get(random.nextInt(Math.min(pool, NAMES.size()))));
      value(g, random, depth);
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Random random, int depth) throws IOException {
    int kind = depth == 0 ? random.nextInt(3) : random.nextInt(5);
    switch (kind) {
      case 0 -> g.writeString("v" + random.nextInt(3));
      case 1 -> g.writeNumber(random.nextInt(100));
      case 2 -> g.writeBoolean(random.nextBoolean());
      case 3 -> object(g, random, depth - 1, random.nextInt(6) == 0 ? 40 : 5);
      default -> {
        g.writeStartArray();
        for (int i = random.nextInt(3); i > 0; i--) {
          value(g, random, depth - 1);
        }
        g.writeEndArray();
      }
    }
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(List.of("n0", "n1", "n2", "n3", "resources", "eventName"));
    for (int i = 4; names.size() < 300; i++) {
      names.add("n" + i);
    }
    return List.copyOf(names);
  }
}
