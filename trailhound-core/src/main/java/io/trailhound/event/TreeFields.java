package io.trailhound.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link FieldAccess} over a parsed JSON tree: the reference implementation of the path semantics,
 * used whenever a path was not captured while streaming.
 */
public final class TreeFields implements FieldAccess {

  private final JsonNode root;

  public TreeFields(JsonNode root) {
    this.root = root;
  }

  @Override
  public List<FieldValue> values(String path) {
    List<FieldValue> out = new ArrayList<>(2);
    collect(root, path, 0, out);
    return out;
  }

  private static void collect(JsonNode node, String path, int from, List<FieldValue> out) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isArray() && from < path.length()) {
      for (JsonNode element : node) {
        collect(element, path, from, out);
      }
      return;
    }
    if (from >= path.length()) {
      leaf(node, out);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    int dot = path.indexOf('.', from);
    String key = dot < 0 ? path.substring(from) : path.substring(from, dot);
    JsonNode child = node.get(key);
    if (child != null) {
      collect(child, path, dot < 0 ? path.length() : dot + 1, out);
    }
  }

  private static void leaf(JsonNode node, List<FieldValue> out) {
    if (node.isArray()) {
      if (node.isEmpty()) {
        out.add(FieldValue.Container.ARRAY);
      }
      for (JsonNode element : node) {
        out.add(scalar(element));
      }
    } else {
      out.add(scalar(node));
    }
  }

  /** Converts one JSON node to the value a rule sees. */
  public static FieldValue scalar(JsonNode node) {
    if (node.isTextual()) {
      return new FieldValue.Text(node.textValue());
    }
    if (node.isNumber()) {
      return new FieldValue.Num(node.asText());
    }
    if (node.isBoolean()) {
      return FieldValue.Bool.of(node.booleanValue());
    }
    if (node.isNull()) {
      return FieldValue.Null.INSTANCE;
    }
    if (node.isArray()) {
      return FieldValue.Container.ARRAY;
    }
    return FieldValue.Container.OBJECT;
  }

  @Override
  public void forEachText(Consumer<String> visitor) {
    visitText(root, visitor);
  }

  private static void visitText(JsonNode node, Consumer<String> visitor) {
    if (node.isTextual()) {
      visitor.accept(node.textValue());
    } else if (node.isNumber()) {
      visitor.accept(node.asText());
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        visitText(element, visitor);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        visitText(e.getValue(), visitor);
      }
    }
  }
}
