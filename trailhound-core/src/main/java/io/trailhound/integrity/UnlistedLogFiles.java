package io.trailhound.integrity;

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
 * not covered. The name's time is to the minute, so a window starts at its minute. CloudTrail
 * delivers a file up to about {@link #DELIVERY_SLACK} after the time in its name, so a file that
 * close to the end of the latest digest may belong to the next digest, not yet written: it is not
 * judged either.
 */
final class UnlistedLogFiles {

  static final java.time.Duration DELIVERY_SLACK = java.time.Duration.ofMinutes(15);

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
    List<Window> list = windows.getOrDefault(n.account() + "|" + n.region(), List.of());
    boolean inWindow = false;
    Instant latestEnd = Instant.MIN;
    for (Window w : list) {
      inWindow |= !n.time().isBefore(w.from()) && !n.time().isAfter(w.to());
      latestEnd = w.to().isAfter(latestEnd) ? w.to() : latestEnd;
    }
    return inWindow && !n.time().plus(DELIVERY_SLACK).isAfter(latestEnd);
  }
}
