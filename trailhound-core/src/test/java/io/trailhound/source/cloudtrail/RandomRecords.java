package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Random records over a small set of member names, and random capture paths over the same names,
 * for the properties that hold the capture paths equal to a whole-tree parse: names collide with
 * the paths often, and values take every JSON shape (escapes, big and fractional numbers, nesting).
 */
final class RandomRecords {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<String> keys;
  private final int maxStringLength;
  private final int maxMembers;
  private final String escapeChars;

  /**
   * @param escapeChars characters of extra short strings (escapes, controls, multi-byte), or null
   */
  RandomRecords(List<String> keys, int maxStringLength, int maxMembers, String escapeChars) {
    this.keys = List.copyOf(keys);
    this.maxStringLength = maxStringLength;
    this.maxMembers = maxMembers;
    this.escapeChars = escapeChars;
  }

  Arbitrary<JsonNode> documents() {
    return object(3);
  }

  Arbitrary<Set<String>> pathSets() {
    return Arbitraries.of(keys)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join(".", l))
        .set()
        .ofMaxSize(6);
  }

  private Arbitrary<JsonNode> value(int depth) {
    List<Arbitrary<JsonNode>> kinds = new ArrayList<>();
    kinds.add(
        Arbitraries.strings()
            .ofMaxLength(maxStringLength)
            .map(s -> (JsonNode) TextNode.valueOf(s)));
    if (escapeChars != null) {
      kinds.add(
          Arbitraries.strings()
              .withChars(escapeChars)
              .ofMaxLength(6)
              .map(s -> (JsonNode) TextNode.valueOf(s)));
    }
    kinds.add(Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)));
    kinds.add(Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)));
    kinds.add(
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(b -> (JsonNode) BigIntegerNode.valueOf(b)));
    kinds.add(Arbitraries.doubles().map(d -> (JsonNode) DoubleNode.valueOf(d)));
    kinds.add(Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance));
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(kinds);
    if (depth == 0) {
      return scalars;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars),
        Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1))),
        Tuple.of(1, Arbitraries.lazy(() -> array(depth - 1))));
  }

  private Arbitrary<JsonNode> array(int depth) {
    return value(depth)
        .list()
        .ofMaxSize(3)
        .map(
            list -> {
              ArrayNode a = NODES.arrayNode();
              a.addAll(list);
              return a;
            });
  }

  private Arbitrary<JsonNode> object(int depth) {
    return Arbitraries.maps(Arbitraries.of(keys), value(depth))
        .ofMaxSize(maxMembers)
        .map(
            m -> {
              ObjectNode o = NODES.objectNode();
              m.forEach(o::set);
              return o;
            });
  }
}
