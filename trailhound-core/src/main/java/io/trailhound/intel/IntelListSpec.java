package io.trailhound.intel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which file to load as a list, and how to label it.
 *
 * @param path the list file (text, CSV or STIX 2.1 JSON; detected from its content)
 * @param name the list's name in findings; the file name without extension by default
 * @param kind what the list holds; {@link IntelKind#CUSTOM} by default
 * @param confidence 0–100 for entries that carry none; {@link #DEFAULT_CONFIDENCE} by default
 */
public record IntelListSpec(Path path, String name, IntelKind kind, int confidence) {

  /** Confidence given to entries when neither the list nor the entry says. */
  public static final int DEFAULT_CONFIDENCE = 70;

  public IntelListSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      name = stem(path);
    }
    if (confidence < 0 || confidence > 100) {
      throw new IllegalArgumentException("confidence must be 0-100, not " + confidence);
    }
  }

  /**
   * Reads {@code file[:name[:kind[:confidence]]]}, e.g. {@code tor.txt:tor-exits:tor-exit:80}. A
   * spec that names an existing file as a whole is that file, so a path holding colons still works.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static IntelListSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty --intel value");
    }
    if (Files.exists(Path.of(spec))) {
      return new IntelListSpec(Path.of(spec), null, IntelKind.CUSTOM, DEFAULT_CONFIDENCE);
    }
    String[] parts = spec.split(":", -1);
    if (parts.length > 4) {
      throw new IllegalArgumentException(
          "'" + spec + "': expected file[:name[:kind[:confidence]]]");
    }
    String name = parts.length > 1 ? parts[1] : null;
    IntelKind kind =
        parts.length > 2 && !parts[2].isBlank() ? IntelKind.parse(parts[2]) : IntelKind.CUSTOM;
    int confidence = DEFAULT_CONFIDENCE;
    if (parts.length > 3 && !parts[3].isBlank()) {
      try {
        confidence = Integer.parseInt(parts[3].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + spec + "': confidence '" + parts[3] + "' is not a number 0-100", e);
      }
    }
    return new IntelListSpec(Path.of(parts[0]), name, kind, confidence);
  }

  private static String stem(Path path) {
    Path file = path.getFileName();
    String n = file == null ? path.toString() : file.toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
