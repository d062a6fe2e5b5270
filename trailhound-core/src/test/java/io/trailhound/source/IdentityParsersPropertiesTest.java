package io.trailhound.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.event.Origin;
import io.trailhound.source.findings.AsffFindings;
import io.trailhound.source.findings.GuardDutyFindings;
import io.trailhound.source.findings.InspectorFindings;
import io.trailhound.source.m365.SignInNormaliser;
import io.trailhound.source.m365.UnifiedAuditNormaliser;
import io.trailhound.source.okta.OktaNormaliser;
import io.trailhound.testing.IdentityReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every identity-log and finding parser, given a real record with random members replaced by values
 * of random JSON types or removed, answers with a result or a reasoned {@link RecordRejected} —
 * never another exception — and accepts the record whenever its required (or type-checked) members
 * are untouched and only optional leaves changed.
 */
class IdentityParsersPropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Origin ORIGIN = new Origin("property", 0);

  /** A parser under test: turns a record into something, or rejects it. */
  private interface Parser {
    Object parse(JsonNode record) throws RecordRejected;
  }

  private static final JsonNode OKTA = first("okta/system-log-page.json", null);
  private static final JsonNode UAL = first("m365/audit-general-content.json", null);
  private static final JsonNode SIGN_IN = first("entra/signins-array.json", null);
  private static final JsonNode GUARDDUTY = first("guardduty/get-findings.json", "Findings");
  private static final JsonNode ASFF = first("findings/asff-guardduty.json", null);
  private static final JsonNode INSPECTOR =
      read(IdentityReading.fixture("findings/inspector-finding.json"));

  @Property(tries = 300)
  void okta_log_events(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    check(OKTA, OktaNormaliser::view, Set.of("uuid", "published", "eventType"), seed, mutations);
  }

  @Property(tries = 300)
  void unified_audit_records(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    check(
        UAL,
        UnifiedAuditNormaliser::view,
        Set.of("Id", "CreationTime", "Operation"),
        seed,
        mutations);
  }

  @Property(tries = 300)
  void entra_sign_ins(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    // the outcome is type-checked: a garbled error code must not read as a success
    check(
        SIGN_IN,
        SignInNormaliser::view,
        Set.of("id", "createdDateTime", "status.errorCode"),
        seed,
        mutations);
  }

  @Property(tries = 300)
  void guardduty_findings(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    check(
        GUARDDUTY,
        f -> GuardDutyFindings.read(f, ORIGIN),
        Set.of("Id", "Type", "CreatedAt", "UpdatedAt", "Severity", "Service"),
        seed,
        mutations);
  }

  @Property(tries = 200)
  void asff_findings(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    check(
        ASFF,
        f -> AsffFindings.read(f, ORIGIN),
        Set.of("Id", "GeneratorId", "CreatedAt", "UpdatedAt"),
        seed,
        mutations);
  }

  @Property(tries = 200)
  void inspector_findings(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    check(
        INSPECTOR,
        f -> InspectorFindings.read(f, ORIGIN),
        Set.of("findingArn", "firstObservedAt", "updatedAt"),
        seed,
        mutations);
  }

  private static void check(
      JsonNode original, Parser parser, Set<String> required, long seed, int mutations) {
    Random random = new Random(seed);
    ObjectNode record = original.deepCopy();
    boolean onlyOptionalLeaves = true;
    for (int i = 0; i < mutations; i++) {
      List<Slot> slots = new ArrayList<>();
      slots(record, "", slots);
      Slot slot = slots.get(random.nextInt(slots.size()));
      boolean guarded = required.contains(slot.path);
      JsonNode before = slot.parent.get(slot.name);
      JsonNode after = value(random);
      if (random.nextInt(5) == 0) {
        slot.parent.remove(slot.name);
        onlyOptionalLeaves &= !guarded;
        onlyOptionalLeaves &= before == null || before.isValueNode();
      } else {
        slot.parent.set(slot.name, after);
        onlyOptionalLeaves &= !guarded;
        onlyOptionalLeaves &= before == null || before.isValueNode() && after.isValueNode();
      }
    }
    Object result;
    try {
      result = parser.parse(record);
    } catch (RecordRejected e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      assertThat(onlyOptionalLeaves).as("rejected " + e.getMessage() + ": " + record).isFalse();
      return;
    }
    assertThat(result).isNotNull();
  }

  /** A member of some object of the record, with its dotted path (arrays transparent). */
  private record Slot(ObjectNode parent, String name, String path) {}

  private static void slots(JsonNode node, String prefix, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        out.add(new Slot(o, e.getKey(), path));
        slots(e.getValue(), path, out);
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode element : a) {
        slots(element, prefix, out);
      }
    }
  }

  private static JsonNode value(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(8)) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(random.nextBoolean());
      case 2 -> f.numberNode(random.nextInt());
      case 3 -> f.numberNode(random.nextDouble() * 1e6);
      case 4 -> f.textNode("");
      case 5 -> f.textNode("x" + random.nextInt(1000) + "\u0000\u202e");
      case 6 -> f.objectNode().put("k", random.nextInt());
      default -> f.arrayNode().add(random.nextInt()).add("s");
    };
  }

  private static JsonNode first(String fixture, String member) {
    JsonNode root = read(IdentityReading.fixture(fixture));
    JsonNode list = member == null ? root : root.get(member);
    return list.get(0);
  }

  private static JsonNode read(java.nio.file.Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
