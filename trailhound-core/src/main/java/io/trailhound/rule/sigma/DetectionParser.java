package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Parses the {@code detection} section: search identifiers and the condition. */
final class DetectionParser {

  private final Problems problems;

  DetectionParser(Problems problems) {
    this.problems = problems;
  }

  Detection parse(NodeTuple detectionKey) {
    if (!(detectionKey.getValueNode() instanceof MappingNode map)) {
      problems.error(detectionKey.getValueNode(), "'detection' must be a map");
      return null;
    }
    Map<String, Search> searches = new LinkedHashMap<>();
    NodeTuple condition = null;
    for (Map.Entry<String, NodeTuple> entry : SigmaParser.keys(map, problems).entrySet()) {
      String key = entry.getKey();
      NodeTuple tuple = entry.getValue();
      if (key.equals("condition")) {
        condition = tuple;
      } else if (key.equals("timeframe")) {
        problems.error(
            tuple.getKeyNode(),
            "uses the Sigma 1.0 `timeframe` in detection, removed in Sigma 2.0; express the time"
                + " window as a correlation rule (timespan)");
      } else {
        Search search = search(key, tuple.getValueNode());
        if (search != null) {
          searches.put(key, search);
        }
      }
    }
    if (condition == null) {
      problems.error(map, "missing required 'condition' in detection");
      return null;
    }
    Condition parsed = new ConditionParser(problems, searches.keySet()).parse(condition);
    if (parsed == null) {
      return null;
    }
    Map<String, NodeTuple> keys = SigmaParser.keys(map, new Problems(problems.source()));
    for (String identifier : searches.keySet()) {
      if (!uses(parsed, identifier)) {
        problems.warning(
            keys.get(identifier).getKeyNode(),
            "search identifier '" + identifier + "' is not used in the condition");
      }
    }
    return new Detection(searches, parsed);
  }

  private static boolean uses(Condition c, String identifier) {
    if (c instanceof Condition.And and) {
      return and.operands().stream().anyMatch(o -> uses(o, identifier));
    }
    if (c instanceof Condition.Or or) {
      return or.operands().stream().anyMatch(o -> uses(o, identifier));
    }
    if (c instanceof Condition.Not not) {
      return uses(not.operand(), identifier);
    }
    if (c instanceof Condition.Ref ref) {
      return ref.identifier().equals(identifier);
    }
    return ((Condition.Quantified) c).selects(identifier);
  }

  private Search search(String identifier, Node node) {
    if (node instanceof MappingNode map) {
      return fields(map);
    }
    if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
      List<Node> items = seq.getValue();
      if (items.stream().allMatch(n -> n instanceof MappingNode)) {
        List<Search> alternatives = new ArrayList<>();
        for (Node item : items) {
          Search alternative = fields((MappingNode) item);
          if (alternative != null) {
            alternatives.add(alternative);
          }
        }
        return new Search.AnyOf(alternatives);
      }
      if (items.stream().allMatch(n -> n instanceof ScalarNode)) {
        return keywords(node);
      }
      problems.error(node, "search '" + identifier + "' mixes maps and plain values in one list");
      return null;
    }
    if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
      return keywords(node);
    }
    problems.error(node, "search '" + identifier + "' is empty");
    return null;
  }

  private Search keywords(Node node) {
    FieldCondition keywords = condition(null, List.of(), node, node);
    return keywords == null ? null : new Search.AllFields(List.of(keywords));
  }

  private Search fields(MappingNode map) {
    if (map.getValue().isEmpty()) {
      problems.error(map, "a search map must not be empty");
      return null;
    }
    List<FieldCondition> conditions = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> entry : SigmaParser.keys(map, problems).entrySet()) {
      NodeTuple tuple = entry.getValue();
      String[] parts = entry.getKey().split("\\|", -1);
      String field = parts[0].isEmpty() ? null : parts[0];
      List<Modifier> modifiers = new ArrayList<>();
      boolean known = true;
      for (int i = 1; i < parts.length; i++) {
        Modifier modifier = Modifier.parse(parts[i]);
        if (modifier == null) {
          problems.error(tuple.getKeyNode(), "unknown modifier '" + parts[i] + "'");
          known = false;
        } else {
          modifiers.add(modifier);
        }
      }
      if (known) {
        FieldCondition condition =
            condition(field, modifiers, tuple.getKeyNode(), tuple.getValueNode());
        if (condition != null) {
          conditions.add(condition);
        }
      }
    }
    return new Search.AllFields(conditions);
  }

  private FieldCondition condition(
      String field, List<Modifier> modifiers, Node keyNode, Node valueNode) {
    List<SigmaValue> values = new ArrayList<>();
    if (valueNode instanceof ScalarNode scalar) {
      values.add(SigmaValues.of(scalar));
    } else if (valueNode instanceof SequenceNode seq) {
      if (seq.getValue().isEmpty()) {
        problems.error(valueNode, "the value list is empty");
        return null;
      }
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode scalar) {
          values.add(SigmaValues.of(scalar));
        } else {
          problems.error(item, "values must be plain values, not maps or lists");
          return null;
        }
      }
    } else {
      problems.error(valueNode, "values must be plain values, not maps");
      return null;
    }
    FieldCondition condition =
        new FieldCondition(field, modifiers, values, Nodes.line(keyNode), Nodes.column(keyNode));
    int before = problems.errorCount();
    new ModifierCheck(problems, keyNode, valueNode).check(condition);
    return problems.errorCount() > before ? null : condition;
  }
}
