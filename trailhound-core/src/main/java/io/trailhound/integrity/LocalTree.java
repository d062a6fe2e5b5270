package io.trailhound.integrity;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a downloaded {@code AWSLogs} tree: digests, their signature sidecars and log files,
 * each known by its {@link Names#key}. Symbolic links are not followed; unreadable folders are
 * counted and skipped.
 */
final class LocalTree {

  static final String SIGNATURE_SUFFIX = ".sig";

  final Path root;
  final List<Path> digests = new ArrayList<>();
  final List<Path> logFiles = new ArrayList<>();
  final Map<String, Path> byKey = new HashMap<>();
  int unreadable;

  private LocalTree(Path root) {
    this.root = root;
  }

  static LocalTree scan(Path root) throws IOException {
    LocalTree tree = new LocalTree(root);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              tree.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            tree.unreadable++;
            return FileVisitResult.CONTINUE;
          }
        });
    tree.digests.sort(null);
    tree.logFiles.sort(null);
    return tree;
  }

  /** The path as shown in reports: relative to the root, with {@code /}. */
  String display(Path file) {
    Path rel = root.relativize(file);
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? file.toString() : s;
  }

  Path find(String s3Object) {
    return byKey.get(Names.key(s3Object));
  }

  /** The file's {@link Names#key}, from its absolute path. */
  static String key(Path file) {
    return Names.key(absolute(file));
  }

  private static String absolute(Path file) {
    return file.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  private void add(Path file) {
    String path = absolute(file);
    String name = file.getFileName().toString();
    if (name.endsWith(SIGNATURE_SUFFIX)) {
      return;
    }
    byKey.put(Names.key(path), file);
    if (path.contains("/CloudTrail-Digest/")) {
      if (name.endsWith(".json") || name.endsWith(".json.gz")) {
        digests.add(file);
      }
    } else if (path.contains("/CloudTrail/")) {
      logFiles.add(file);
    }
  }
}
