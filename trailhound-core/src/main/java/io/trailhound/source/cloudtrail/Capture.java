package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.FieldValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one streaming pass over a record kept: values per wanted path, subtrees, texts. */
final class Capture {

  private final List<FieldValue>[] values;
  private final Map<String, JsonNode> subtrees = new HashMap<>(2);
  private final List<String> texts;

  @SuppressWarnings("unchecked")
  Capture(int slots, boolean allText) {
    this.values = new List[slots];
    this.texts = allText ? new ArrayList<>() : null;
  }

  void add(int slot, FieldValue value) {
    List<FieldValue> list = values[slot];
    if (list == null) {
      list = new ArrayList<>(2);
      values[slot] = list;
    }
    list.add(value);
  }

  List<FieldValue> values(int slot) {
    List<FieldValue> list = values[slot];
    return list == null ? List.of() : java.util.Collections.unmodifiableList(list);
  }

  void subtree(String root, JsonNode node) {
    subtrees.put(root, node);
  }

  Map<String, JsonNode> subtrees() {
    return subtrees;
  }

  JsonNode subtree(String root) {
    return subtrees.get(root);
  }

  /** Every string and number in document order, or null when not captured. */
  List<String> texts() {
    return texts;
  }

  void text(String text) {
    texts.add(text);
  }
}
