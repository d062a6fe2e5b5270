package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Test helpers: every dotted path present in a tree, and where records sit in a file. */
final class JsonPaths {

  private JsonPaths() {}

  static Set<String> all(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, "", out);
    return out;
  }

  private static void collect(JsonNode node, String prefix, Set<String> out) {
    if (node.isArray()) {
      for (JsonNode e : node) {
        collect(e, prefix, out);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        out.add(path);
        collect(e.getValue(), path, out);
      }
    }
  }

  /**
   * Byte ranges of the records of a file: the objects of a top-level array or of a {@code Records}
   * array, or the one top-level object; found with Jackson's token locations, independently of the
   * reader.
   */
  static List<long[]> recordSlices(byte[] file) throws IOException {
    List<long[]> out = new ArrayList<>();
    try (JsonParser p = Generated.JSON.getFactory().createParser(file)) {
      JsonToken t = p.nextToken();
      long start = p.currentTokenLocation().getByteOffset();
      if (t == JsonToken.START_OBJECT) {
        p.nextToken();
        if ("Records".equals(p.currentName())) {
          t = p.nextToken();
        } else {
          while (p.nextToken() != JsonToken.END_OBJECT) {
            p.skipChildren();
          }
          out.add(new long[] {start, p.currentLocation().getByteOffset()});
          return out;
        }
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        long from = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        out.add(new long[] {from, p.currentLocation().getByteOffset()});
      }
    }
    return out;
  }
}
