package io.trailhound.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Assigns each distinct field path a cache slot while rules are compiled. */
final class PathTable {

  private final Map<String, FieldPath> paths = new LinkedHashMap<>();

  FieldPath of(String path) {
    return paths.computeIfAbsent(path, p -> new FieldPath(p, paths.size()));
  }

  int size() {
    return paths.size();
  }

  Iterable<String> names() {
    return paths.keySet();
  }
}
