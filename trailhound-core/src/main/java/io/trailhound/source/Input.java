package io.trailhound.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing to read: a file, or standard input.
 *
 * @param location the name shown in origins and skips ({@code -} for standard input)
 * @param path the file, or null for standard input
 * @param size size in bytes as found when the input was listed, or {@code -1} when unknown
 */
public record Input(String location, Path path, long size) {

  public static final String STDIN = "-";

  public Input {
    Objects.requireNonNull(location, "location");
  }

  /** Standard input. */
  public static Input stdin() {
    return new Input(STDIN, null, -1);
  }

  /** A file, named by its path. */
  public static Input file(Path path, long size) {
    return new Input(path.toString(), path, size);
  }

  public boolean isStdin() {
    return path == null;
  }
}
