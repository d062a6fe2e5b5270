package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.event.Actor;
import io.trailhound.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Objects the byte-level capture remembers ({@code userIdentity}, see {@link PathTrie#memo}) read
 * the same the first time and every later time: one capturer that reads many records whose objects
 * repeat exactly, repeat with another tail, are cut, broken or spread over lines, and are read as
 * whole records or as JSON lines, declines exactly the records a fresh capturer declines and
 * captures what the Jackson capture does. Records sharing a remembered object share its actor only
 * where the actor would be equal anyway.
 */
class RememberedObjectsTest {

  private static final List<String> KEYS = List.of("a", "b", "é", "arn", "type", "userIdentity");
  private static final RandomRecords RANDOM =
      new RandomRecords(KEYS, 12, 5, "\"\\/\b\f\n\r\t\u0000\u001fé€😀a");

  /** How one record of a run is made from an object of the pool. */
  record Step(int object, int other, int change, int at, boolean line) {}

  @Property(tries = 300)
  void a_remembered_object_reads_as_it_did_the_first_time(
      @ForAll("pools") List<JsonNode> pool,
      @ForAll("pathSets") Set<String> under,
      @ForAll("steps") List<Step> steps)
      throws IOException {
    Set<String> paths = new HashSet<>(List.of("userIdentity", "b"));
    under.forEach(p -> paths.add("userIdentity." + p));
    // the parameters want other paths, so the same bytes there stand for other values
    under.forEach(p -> paths.add("requestParameters." + p + ".a"));
    PathTrie trie =
        PathTrie.build(paths, Normaliser.SUBTREES)
            .share(paths)
            .memo(Normaliser.MEMO, Normaliser.IDENTITY);
    ByteCapturer remembering = new ByteCapturer(trie);
    for (Step step : steps) {
      byte[] object =
          variant(Generated.JSON.writeValueAsBytes(pool.get(step.object() % pool.size())), step);
      byte[] raw =
          record(object, Generated.JSON.writeValueAsBytes(pool.get(step.other() % pool.size())));
      Capture quick = capture(remembering, raw, step.line());
      Capture fresh = capture(new ByteCapturer(trie), raw, step.line());
      String text = new String(raw, StandardCharsets.UTF_8);
      assertThat(quick == null)
          .as("declines as a fresh capturer does: %s", text)
          .isEqualTo(fresh == null);
      if (quick == null) {
        continue;
      }
      Capture reference = ByteCapturerTest.jackson(raw, trie);
      assertThat(reference).as("Jackson reads what the capture takes: %s", text).isNotNull();
      for (String path : paths) {
        int slot = trie.slot(path);
        assertThat(quick.values(slot)).as("%s in %s", path, text).isEqualTo(reference.values(slot));
      }
    }
  }

  @Example
  void records_sharing_a_user_identity_keep_their_own_sign_in_mfa() throws IOException {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    String[] mfa = {"Yes", "No", "Yes", null, "No"};
    for (int n = 0; n < mfa.length; n++) {
      ObjectNode e = Generated.event(n);
      e.put("eventSource", "signin.amazonaws.com");
      e.put("eventName", "ConsoleLogin");
      if (mfa[n] != null) {
        e.putObject("additionalEventData").put("MFAUsed", mfa[n]);
      }
      lines.writeBytes(Generated.JSON.writeValueAsBytes(e));
      lines.write('\n');
    }
    List<Event> events = Fixtures.readBytes(lines.toByteArray()).events();
    events.sort(java.util.Comparator.comparing(e -> e.origin().record()));
    List<Boolean> read = new ArrayList<>();
    for (Event e : events) {
      read.add(e.view().actor().mfa());
      assertThat(e.view().actor().principalArn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }
    assertThat(read).containsExactly(true, false, true, null, false);
  }

  @Example
  void records_sharing_a_user_identity_share_one_actor() throws IOException {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (int n = 0; n < 4; n++) {
      lines.writeBytes(Generated.JSON.writeValueAsBytes(Generated.event(n)));
      lines.write('\n');
    }
    List<Event> events = Fixtures.readBytes(lines.toByteArray()).events();
    events.sort(java.util.Comparator.comparing(e -> e.origin().record()));
    Actor first = events.get(0).view().actor();
    assertThat(first.userName()).isEqualTo("alice");
    assertThat(events).allSatisfy(e -> assertThat(e.view().actor()).isEqualTo(first));
    // the first line is read before the input is known to be JSON lines, the others as lines
    Actor second = events.get(1).view().actor();
    assertThat(events.subList(1, 4)).allSatisfy(e -> assertThat(e.view().actor()).isSameAs(second));
  }

  /** The object's bytes, changed as the step says. */
  private static byte[] variant(byte[] object, Step step) {
    // few distinct variants, so each comes again, read as a line or not
    int at = (step.at() % 3 + 1) * object.length / 4;
    byte[] out = object.clone();
    switch (step.change() % 6) {
      case 0, 1 -> {
        return out; // the same bytes again, most often
      }
      case 2 -> {
        // a newline between tokens: whitespace in a record, the end of a JSON line
        String s = new String(object, StandardCharsets.UTF_8);
        out = ("{\n" + s.substring(1)).getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> out[at] = out[at] == 'a' ? (byte) 'b' : (byte) 'a';
      case 4 -> out = java.util.Arrays.copyOf(object, at); // cut short
      default -> {
        // a longer tail after the same first bytes: another member at the end
        if (object.length > 2) {
          String s = new String(object, StandardCharsets.UTF_8);
          s = s.substring(0, s.length() - 1) + (s.length() > 2 ? "," : "") + "\"zz\":" + at + "}";
          out = s.getBytes(StandardCharsets.UTF_8);
        }
      }
    }
    return out;
  }

  private static byte[] record(byte[] object, byte[] parameters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"eventVersion\":\"X\",\"userIdentity\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(object);
    out.writeBytes(",\"requestParameters\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(parameters);
    out.writeBytes(",\"b\":\"y\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The capture of a whole record, or of the record as a JSON line in a larger buffer. */
  private static Capture capture(ByteCapturer capturer, byte[] raw, boolean line) {
    if (!line) {
      return capturer.capture(raw);
    }
    byte[] buf = new byte[raw.length + 3];
    buf[0] = ' ';
    System.arraycopy(raw, 0, buf, 1, raw.length);
    buf[raw.length + 1] = '\n';
    buf[raw.length + 2] = '{';
    ByteCapturer.Line read = capturer.captureLine(buf, 0, buf.length);
    return read == null ? null : read.capture();
  }

  @Provide
  Arbitrary<List<JsonNode>> pools() {
    return RANDOM.documents().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Set<String>> pathSets() {
    return RANDOM.pathSets();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 11),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, false))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
