package io.trailhound.rule.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the line of a top-level key in a rule file, for problems spanning several files. */
final class KeyLines {

  private KeyLines() {}

  /** The one-based line where {@code key:} starts a line, or 0 when not found. */
  static int lineOf(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(key + ":")) {
          return i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
