package io.trailhound.rule.sigma;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns YAML nodes of custom attributes into immutable plain Java values. Aliases can make the node
 * graph cyclic or exponentially large, so conversion stops at a depth and a node budget (what is
 * cut off becomes null).
 */
final class PlainValues {

  private static final int MAX_DEPTH = 32;
  private static final int MAX_NODES = 10_000;

  private int budget = MAX_NODES;

  private PlainValues() {}

  static Object of(Node node) {
    return new PlainValues().of(node, 0);
  }

  private Object of(Node node, int depth) {
    if (depth > MAX_DEPTH || --budget < 0) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      seq.getValue().forEach(item -> out.add(of(item, depth + 1)));
      return Collections.unmodifiableList(out);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      out.put(
          String.valueOf(Nodes.scalar(tuple.getKeyNode())), of(tuple.getValueNode(), depth + 1));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object scalar(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(SigmaValues.isTrue(text));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        return new BigDecimal(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return text;
  }
}
