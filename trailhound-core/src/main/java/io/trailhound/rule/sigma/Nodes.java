package io.trailhound.rule.sigma;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Small helpers over SnakeYAML nodes: positions and scalar text. */
final class Nodes {

  private Nodes() {}

  static int line(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? 0 : mark.getLine() + 1;
  }

  static int column(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? 0 : mark.getColumn() + 1;
  }

  static RuleProblem error(String source, Node node, String message) {
    return RuleProblem.error(source, line(node), column(node), message);
  }

  static RuleProblem warning(String source, Node node, String message) {
    return RuleProblem.warning(source, line(node), column(node), message);
  }

  static RuleProblem yamlError(String source, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    if (mark == null) {
      return RuleProblem.error(source, 0, 0, "invalid YAML: " + problem);
    }
    return RuleProblem.error(
        source, mark.getLine() + 1, mark.getColumn() + 1, "invalid YAML: " + problem);
  }

  /** The text of a scalar node, or null for any other node. */
  static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }
}
