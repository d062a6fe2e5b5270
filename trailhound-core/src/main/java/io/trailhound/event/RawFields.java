package io.trailhound.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link FieldAccess} that parses the raw record into a tree on first use. The fallback for paths a
 * streaming reader did not capture; the raw bytes were valid JSON when the event was built.
 */
public final class RawFields implements FieldAccess {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final byte[] raw;
  private TreeFields tree;

  public RawFields(byte[] raw) {
    this.raw = raw;
  }

  private TreeFields tree() {
    if (tree == null) {
      try {
        JsonNode root = MAPPER.readTree(raw);
        tree = new TreeFields(root);
      } catch (IOException e) {
        throw new UncheckedIOException("raw record is not valid JSON", e);
      }
    }
    return tree;
  }

  @Override
  public List<FieldValue> values(String path) {
    return tree().values(path);
  }

  @Override
  public void forEachText(Consumer<String> visitor) {
    tree().forEachText(visitor);
  }
}
