package io.trailhound.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands command-line arguments into inputs: files, directories (walked recursively, files sorted
 * by path so runs are deterministic; hidden dot-files inside walked directories are left out) and
 * {@code -} for standard input. What cannot be listed or read becomes an {@link
 * SkipReason#UNREADABLE} skip instead of an exception.
 */
public final class InputSpec {

  private InputSpec() {}

  /**
   * The inputs and the skips from expanding the arguments.
   *
   * @param inputs inputs in argument order, each directory's files sorted
   * @param skips arguments or directory entries that could not be read
   */
  public record Expansion(List<Input> inputs, List<Skip> skips) {
    public Expansion {
      inputs = List.copyOf(inputs);
      skips = List.copyOf(skips);
    }
  }

  /** Expands the arguments; never throws for missing or unreadable paths. */
  public static Expansion expand(List<String> args) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Input> inputs = new ArrayList<>();
    List<Skip> skips = new ArrayList<>();
    boolean stdin = false;
    for (String arg : args) {
      if (Input.STDIN.equals(arg)) {
        if (!stdin) {
          inputs.add(Input.stdin());
          stdin = true;
        }
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        for (Path file : walk(path, skips)) {
          addFile(file, seen, inputs, skips);
        }
      } else {
        addFile(path, seen, inputs, skips);
      }
    }
    return new Expansion(inputs, skips);
  }

  private static void addFile(Path file, Set<Path> seen, List<Input> inputs, List<Skip> skips) {
    if (!Files.exists(file)) {
      skips.add(new Skip(SkipReason.UNREADABLE, file.toString(), -1, "no such file"));
      return;
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      skips.add(new Skip(SkipReason.UNREADABLE, file.toString(), -1, "not a readable file"));
      return;
    }
    if (!seen.add(file.toAbsolutePath().normalize())) {
      return;
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    inputs.add(Input.file(file, size));
  }

  private static List<Path> walk(Path dir, List<Skip> skips) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!d.equals(dir) && hidden(d)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!Files.isReadable(d)) {
                skips.add(new Skip(SkipReason.UNREADABLE, d.toString(), -1, "directory"));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (hidden(file)) {
                return FileVisitResult.CONTINUE;
              }
              // pipes and devices are left out: reading them could block forever
              if (attrs.isRegularFile() || (attrs.isSymbolicLink() && !Files.isDirectory(file))) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              skips.add(new Skip(SkipReason.UNREADABLE, file.toString(), -1, describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      skips.add(new Skip(SkipReason.UNREADABLE, dir.toString(), -1, describe(e)));
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName();
  }
}
