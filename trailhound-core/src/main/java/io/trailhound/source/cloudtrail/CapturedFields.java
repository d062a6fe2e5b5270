package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailhound.event.FieldAccess;
import io.trailhound.event.FieldValue;
import io.trailhound.event.RawFields;
import io.trailhound.event.TreeFields;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Field access that answers captured paths from the streaming capture and every other path from a
 * lazily parsed tree of the raw bytes, so answers never depend on what was captured.
 */
final class CapturedFields implements FieldAccess {

  private final PathTrie trie;
  private final Capture capture;
  private final byte[] raw;
  private TreeFields subtrees;
  private RawFields fallback;

  CapturedFields(PathTrie trie, Capture capture, byte[] raw) {
    this.trie = trie;
    this.capture = capture;
    this.raw = raw;
  }

  @Override
  public List<FieldValue> values(String path) {
    int slot = trie.lookup(path);
    if (slot >= 0) {
      return capture.values(slot);
    }
    if (slot == PathTrie.UNDER_SUBTREE) {
      return subtrees().values(path);
    }
    return fallback().values(path);
  }

  @Override
  public void forEachText(Consumer<String> visitor) {
    List<String> texts = capture.texts();
    if (texts != null) {
      texts.forEach(visitor);
    } else {
      fallback().forEachText(visitor);
    }
  }

  private TreeFields subtrees() {
    if (subtrees == null) {
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : capture.subtrees(raw).entrySet()) {
        wrapper.set(e.getKey(), e.getValue());
      }
      subtrees = new TreeFields(wrapper);
    }
    return subtrees;
  }

  private RawFields fallback() {
    if (fallback == null) {
      fallback = new RawFields(raw);
    }
    return fallback;
  }
}
