package io.trailhound.rule.sigma;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Parses one correlation rule document; references to other rules are checked later. */
final class CorrelationParser {

  private static final Pattern TIMESPAN = Pattern.compile("([1-9][0-9]{0,8})([smhdw])");

  private static final Set<String> KNOWN_KEYS =
      Set.of(
          "title",
          "id",
          "name",
          "related",
          "taxonomy",
          "status",
          "description",
          "license",
          "author",
          "references",
          "date",
          "modified",
          "correlation",
          "falsepositives",
          "level",
          "tags",
          "generate",
          "scope");

  private static final Set<String> CORRELATION_KEYS =
      Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");

  private final Problems problems;

  CorrelationParser(Problems problems) {
    this.problems = problems;
  }

  CorrelationRule parse(MappingNode root, Map<String, NodeTuple> keys, Set<String> statuses) {
    int errorsBefore = problems.errorCount();
    String title = SigmaParser.requiredText(keys, "title", root, problems);
    String status = SigmaParser.optionalText(keys, "status", problems);
    if (status != null && !statuses.contains(status)) {
      problems.error(keys.get("status").getValueNode(), "unknown status '" + status + "'");
    }
    String levelText = SigmaParser.optionalText(keys, "level", problems);
    Level level = levelText == null ? null : Level.parse(levelText);
    if (levelText != null && level == null) {
      problems.error(keys.get("level").getValueNode(), "unknown level '" + levelText + "'");
    }
    Node section = keys.get("correlation").getValueNode();
    Correlation correlation = null;
    Boolean generate = null;
    if (section instanceof MappingNode map) {
      Map<String, NodeTuple> parts = SigmaParser.keys(map, problems);
      correlation = correlation(map, parts);
      generate = bool(parts.get("generate"));
    } else {
      problems.error(section, "'correlation' must be a map");
    }
    Boolean topGenerate = bool(keys.get("generate"));
    if (topGenerate != null) {
      generate = topGenerate;
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    keys.forEach(
        (key, tuple) -> {
          if (!KNOWN_KEYS.contains(key)) {
            custom.put(key, PlainValues.of(tuple.getValueNode()));
          }
        });
    if (problems.errorCount() > errorsBefore || correlation == null) {
      return null;
    }
    return new CorrelationRule(
        SigmaParser.optionalText(keys, "id", problems),
        SigmaParser.optionalText(keys, "name", problems),
        title,
        SigmaParser.optionalText(keys, "description", problems),
        status,
        level,
        SigmaParser.textList(keys, "tags", problems),
        correlation,
        Boolean.TRUE.equals(generate),
        SigmaParser.textList(keys, "falsepositives", problems),
        SigmaParser.textList(keys, "references", problems),
        SigmaParser.optionalText(keys, "author", problems),
        custom,
        problems.source(),
        Nodes.line(root));
  }

  private Correlation correlation(MappingNode map, Map<String, NodeTuple> parts) {
    parts.forEach(
        (key, tuple) -> {
          if (!CORRELATION_KEYS.contains(key)) {
            problems.error(tuple.getKeyNode(), "unknown correlation attribute '" + key + "'");
          }
        });
    CorrelationType type = null;
    String typeText = SigmaParser.requiredText(parts, "type", map, problems);
    if (typeText != null) {
      type = CorrelationType.parse(typeText);
      if (type == null) {
        problems.error(
            parts.get("type").getValueNode(),
            "unknown correlation type '"
                + typeText
                + "'; expected event_count, value_count, temporal, temporal_ordered, value_sum,"
                + " value_avg or value_percentile");
      }
    }
    List<RuleRef> rules = rules(map, parts.get("rules"));
    List<String> groupBy = SigmaParser.textList(parts, "group-by", problems);
    if (new HashSet<>(groupBy).size() != groupBy.size()) {
      problems.error(parts.get("group-by").getValueNode(), "'group-by' lists a field twice");
    }
    Duration timespan = timespan(map, parts.get("timespan"));
    CorrelationCondition condition = condition(map, type, parts.get("condition"));
    Map<String, Map<String, String>> aliases = aliases(parts.get("aliases"), rules);
    if (type == null || timespan == null || condition == null || aliases == null) {
      return null;
    }
    if (type == CorrelationType.TEMPORAL_ORDERED && rules.size() < 2) {
      problems.error(
          parts.get("rules").getValueNode(), "temporal_ordered needs at least two rules");
    }
    return new Correlation(type, rules, groupBy, timespan, condition, aliases);
  }

  private List<RuleRef> rules(Node parent, NodeTuple tuple) {
    List<RuleRef> out = new ArrayList<>();
    if (tuple == null) {
      problems.error(parent, "missing required 'rules' in 'correlation'");
      return out;
    }
    Node value = tuple.getValueNode();
    List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
    Set<String> seen = new HashSet<>();
    for (Node item : items) {
      String text = Nodes.scalar(item);
      if (text == null || text.isBlank() || Tag.NULL.equals(item.getTag())) {
        problems.error(item, "'rules' must list rule ids or names");
      } else if (!seen.add(text)) {
        problems.error(item, "rule '" + text + "' is referenced twice");
      } else {
        out.add(new RuleRef(text, Nodes.line(item), Nodes.column(item)));
      }
    }
    if (out.isEmpty() && items.isEmpty()) {
      problems.error(value, "'rules' must name at least one rule");
    }
    return out;
  }

  private Duration timespan(Node parent, NodeTuple tuple) {
    if (tuple == null) {
      problems.error(parent, "missing required 'timespan' in 'correlation'");
      return null;
    }
    String text = Nodes.scalar(tuple.getValueNode());
    Matcher m = text == null ? null : TIMESPAN.matcher(text);
    if (m == null || !m.matches()) {
      problems.error(
          tuple.getValueNode(),
          "invalid timespan '"
              + (text == null ? "" : text)
              + "': expected a positive number and a unit s, m, h, d or w (e.g. 10m)");
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  private CorrelationCondition condition(Node parent, CorrelationType type, NodeTuple tuple) {
    if (tuple == null) {
      if (type != null && !type.isTemporal()) {
        problems.error(
            parent, "missing required 'condition': " + type.yamlName() + " needs a threshold");
        return null;
      }
      return new CorrelationCondition(List.of(), List.of(), null);
    }
    if (!(tuple.getValueNode() instanceof MappingNode map)) {
      problems.error(tuple.getValueNode(), "'condition' must be a map such as {gte: 10}");
      return null;
    }
    Map<String, NodeTuple> parts = SigmaParser.keys(map, problems);
    List<CorrelationCondition.Comparison> comparisons = new ArrayList<>();
    List<String> fields = List.of();
    Integer percentile = null;
    for (Map.Entry<String, NodeTuple> e : parts.entrySet()) {
      Node value = e.getValue().getValueNode();
      CorrelationCondition.Operator op = CorrelationCondition.Operator.parse(e.getKey());
      if (op != null) {
        BigDecimal number = number(value);
        if (number == null) {
          problems.error(value, "'" + e.getKey() + "' needs a number");
        } else {
          comparisons.add(new CorrelationCondition.Comparison(op, number));
        }
      } else if (e.getKey().equals("field")) {
        fields = SigmaParser.textList(parts, "field", problems);
      } else if (e.getKey().equals("percentile")) {
        BigDecimal p = number(value);
        if (p == null
            || p.scale() > 0
            || p.signum() < 0
            || p.compareTo(BigDecimal.valueOf(100)) > 0) {
          problems.error(value, "'percentile' must be a whole number from 0 to 100");
        } else {
          percentile = p.intValue();
        }
      } else {
        problems.error(
            e.getValue().getKeyNode(),
            "unknown condition key '"
                + e.getKey()
                + "'; expected gt, gte, lt, lte, eq, neq, field or percentile");
      }
    }
    if (comparisons.isEmpty()) {
      problems.error(map, "'condition' needs a comparison (gt, gte, lt, lte, eq or neq)");
    }
    if (type != null && type.needsField() && fields.isEmpty()) {
      problems.error(map, type.yamlName() + " needs 'field' in its condition");
    }
    if (type != null && !type.needsField() && !fields.isEmpty()) {
      problems.error(parts.get("field").getKeyNode(), type.yamlName() + " takes no 'field'");
    }
    if (type != null && type != CorrelationType.VALUE_COUNT && fields.size() > 1) {
      problems.error(parts.get("field").getValueNode(), type.yamlName() + " takes one field");
    }
    if (percentile != null && type != CorrelationType.VALUE_PERCENTILE) {
      problems.error(parts.get("percentile").getKeyNode(), "'percentile' is for value_percentile");
    }
    if (type == CorrelationType.VALUE_PERCENTILE && percentile == null) {
      percentile = 50;
    }
    return new CorrelationCondition(comparisons, fields, percentile);
  }

  private Map<String, Map<String, String>> aliases(NodeTuple tuple, List<RuleRef> rules) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (tuple == null) {
      return out;
    }
    if (!(tuple.getValueNode() instanceof MappingNode map)) {
      problems.error(tuple.getValueNode(), "'aliases' must be a map of alias → rule → field");
      return null;
    }
    Set<String> refs = new HashSet<>();
    rules.forEach(r -> refs.add(r.target()));
    boolean ok = true;
    for (Map.Entry<String, NodeTuple> alias : SigmaParser.keys(map, problems).entrySet()) {
      if (!(alias.getValue().getValueNode() instanceof MappingNode byRule)) {
        problems.error(
            alias.getValue().getValueNode(),
            "alias '" + alias.getKey() + "' must map rule names to fields");
        ok = false;
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (NodeTuple t : byRule.getValue()) {
        String rule = Nodes.scalar(t.getKeyNode());
        String field = Nodes.scalar(t.getValueNode());
        if (rule == null || !refs.contains(rule)) {
          problems.error(
              t.getKeyNode(),
              "alias '"
                  + alias.getKey()
                  + "' names rule '"
                  + rule
                  + "', which this correlation does not reference");
          ok = false;
        } else if (field == null || field.isBlank()) {
          problems.error(t.getValueNode(), "alias '" + alias.getKey() + "' needs a field name");
          ok = false;
        } else {
          fields.put(rule, field);
        }
      }
      out.put(alias.getKey(), fields);
    }
    return ok ? out : null;
  }

  private Boolean bool(NodeTuple tuple) {
    if (tuple == null) {
      return null;
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
      return SigmaValues.isTrue(s.getValue());
    }
    problems.error(value, "'generate' must be true or false");
    return null;
  }

  private static BigDecimal number(Node node) {
    if (node instanceof ScalarNode s
        && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
      try {
        return new BigDecimal(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
