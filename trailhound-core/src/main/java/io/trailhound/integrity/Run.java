package io.trailhound.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one verification accumulates; confined to the thread running it. */
final class Run {

  final LocalTree tree;
  final List<Problem> problems = new ArrayList<>();
  long verified;
  long listed;
  long checked;
  long notCovered;
  long chainStarts;

  Run(LocalTree tree) {
    this.tree = tree;
  }

  /** A problem with a digest itself. */
  void problem(ProblemKind kind, LoadedDigest d, String detail) {
    problem(kind, d.display(), d, detail);
  }

  /** A problem with a file a digest concerns, in that digest's window. */
  void problem(ProblemKind kind, String path, LoadedDigest d, String detail) {
    problems.add(
        new Problem(
            kind,
            path,
            d.file().awsAccountId(),
            d.name().region(),
            d.name().trail(),
            d.file().digestStartTime(),
            d.file().digestEndTime(),
            detail));
  }

  /**
   * A problem known only from a file name (an unreadable digest): placed at the end time the name
   * gives, else at {@code fallback}.
   */
  void problem(
      ProblemKind kind, String path, Names.DigestName name, Instant fallback, String detail) {
    problems.add(
        new Problem(
            kind,
            path,
            name == null ? null : name.account(),
            name == null ? null : name.region(),
            name == null ? null : name.trail(),
            name == null ? fallback : name.end(),
            name == null ? fallback : name.end(),
            detail));
  }

  void add(Problem p) {
    problems.add(p);
  }

  VerificationReport report() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::kind).thenComparing(Problem::path));
    return new VerificationReport(
        tree.digests.size(),
        verified,
        listed,
        checked,
        tree.logFiles.size(),
        notCovered,
        chainStarts,
        tree.unreadable,
        sorted);
  }
}
