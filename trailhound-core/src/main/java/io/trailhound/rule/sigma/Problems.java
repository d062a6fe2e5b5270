package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one source file while it is parsed. */
final class Problems {

  private final String source;
  private final List<RuleProblem> list = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void error(Node node, String message) {
    list.add(Nodes.error(source, node, message));
  }

  void error(int line, int column, String message) {
    list.add(RuleProblem.error(source, line, column, message));
  }

  void warning(Node node, String message) {
    list.add(Nodes.warning(source, node, message));
  }

  void info(Node node, String message) {
    list.add(
        new RuleProblem(
            source, Nodes.line(node), Nodes.column(node), RuleProblem.Severity.INFO, message));
  }

  void add(RuleProblem problem) {
    list.add(problem);
  }

  int errorCount() {
    return (int) list.stream().filter(RuleProblem::isError).count();
  }

  /** The problems in file order (by line, then column; stable for equal positions). */
  List<RuleProblem> list() {
    List<RuleProblem> sorted = new ArrayList<>(list);
    sorted.sort(
        java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
    return List.copyOf(sorted);
  }
}
