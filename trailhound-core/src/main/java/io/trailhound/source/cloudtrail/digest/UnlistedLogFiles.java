package io.trailhound.source.cloudtrail.digest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds log files no digest lists. Only files whose name puts them inside the window of a digest
 * present for the same account and region are judged: files before the first digest, after the
 * last, or in the window of a deleted digest (already reported as a broken chain) are counted as
 * not covered. The name's time is to the minute, so a window starts at its minute.
 */
final class UnlistedLogFiles {

  private record Window(Instant from, Instant to) {}

  private final LocalTree tree;
  private final Map<String, List<Window>> windows = new HashMap<>();

  UnlistedLogFiles(LocalTree tree, List<LoadedDigest> digests) {
    this.tree = tree;
    for (LoadedDigest d : digests) {
      windows
          .computeIfAbsent(
              d.file().awsAccountId() + "|" + d.name().region(), k -> new ArrayList<>())
          .add(
              new Window(
                  d.file().digestStartTime().truncatedTo(ChronoUnit.MINUTES),
                  d.file().digestEndTime()));
    }
  }

  void check(Set<Path> listed, Run run) {
    for (Path file : tree.logFiles) {
      if (listed.contains(file)) {
        continue;
      }
      Optional<Names.LogName> name = Names.log(file.getFileName().toString());
      if (name.isEmpty() || !covered(name.get())) {
        run.notCovered++;
        continue;
      }
      Names.LogName n = name.get();
      run.add(
          new Problem(
              ProblemKind.LOG_FILE_UNLISTED,
              tree.display(file),
              n.account(),
              n.region(),
              null,
              n.time(),
              n.time(),
              "in the window of a digest that does not list it"));
    }
  }

  private boolean covered(Names.LogName n) {
    for (Window w : windows.getOrDefault(n.account() + "|" + n.region(), List.of())) {
      if (!n.time().isBefore(w.from()) && !n.time().isAfter(w.to())) {
        return true;
      }
    }
    return false;
  }
}
