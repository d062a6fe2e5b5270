package io.trailhound.rule.sigma;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses Sigma rule YAML into {@link SigmaRule}s, collecting every problem of a text (with line and
 * column) instead of stopping at the first. Correlation rules become {@link CorrelationRule}s
 * (their references to other rules are checked by {@link CorrelationLinks} once every rule is
 * known); filters are recognised and skipped with an INFO note; Sigma 1.0 syntax is rejected with
 * an error naming it.
 */
public final class SigmaParser {

  private static final Set<String> STATUSES =
      Set.of("stable", "test", "experimental", "deprecated", "unsupported");

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
          "logsource",
          "detection",
          "fields",
          "falsepositives",
          "level",
          "tags",
          "scope");

  private SigmaParser() {}

  /**
   * Parses every YAML document of {@code yamlText}.
   *
   * @param sourceName the file name problems and rules report
   */
  public static ParseResult parse(String yamlText, String sourceName) {
    Problems problems = new Problems(sourceName);
    List<SigmaRule> rules = new ArrayList<>();
    List<CorrelationRule> correlations = new ArrayList<>();
    try {
      for (Node document : yaml().composeAll(new StringReader(yamlText))) {
        if (document instanceof MappingNode root && hasKey(root, "correlation")) {
          CorrelationRule rule =
              new CorrelationParser(problems).parse(root, keys(root, problems), STATUSES);
          if (rule != null) {
            correlations.add(rule);
          }
        } else if (document != null) {
          SigmaRule rule = document(document, problems);
          if (rule != null) {
            rules.add(rule);
          }
        }
      }
    } catch (MarkedYAMLException e) {
      problems.add(Nodes.yamlError(sourceName, e));
    } catch (YAMLException | IllegalArgumentException e) {
      problems.add(RuleProblem.error(sourceName, 0, 0, "invalid YAML: " + e.getMessage()));
    }
    return new ParseResult(rules, correlations, problems.list());
  }

  private static boolean hasKey(MappingNode map, String key) {
    return map.getValue().stream().anyMatch(t -> key.equals(Nodes.scalar(t.getKeyNode())));
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(4 * 1024 * 1024);
    options.setAllowRecursiveKeys(false);
    return new Yaml(options);
  }

  private static SigmaRule document(Node document, Problems problems) {
    if (!(document instanceof MappingNode root)) {
      problems.error(document, "a Sigma rule must be a YAML map");
      return null;
    }
    int errorsBefore = problems.errorCount();
    Map<String, NodeTuple> keys = keys(root, problems);
    if (keys.containsKey("filter")) {
      problems.info(root, "Sigma filter skipped: filters are not supported yet");
      return null;
    }
    if (keys.containsKey("action")) {
      problems.error(
          keys.get("action").getKeyNode(),
          "uses the Sigma 1.0 rule collection `action:`, removed in Sigma 2.0; write one rule per"
              + " file");
      return null;
    }
    String title = requiredText(keys, "title", root, problems);
    String status = optionalText(keys, "status", problems);
    if (status != null && !STATUSES.contains(status)) {
      problems.error(keys.get("status").getValueNode(), "unknown status '" + status + "'");
    }
    String levelText = optionalText(keys, "level", problems);
    Level level = levelText == null ? null : Level.parse(levelText);
    if (levelText == null && !keys.containsKey("level")) {
      problems.warning(root, "no 'level': the rule is treated as medium");
    }
    if (levelText != null && level == null) {
      problems.error(keys.get("level").getValueNode(), "unknown level '" + levelText + "'");
    }
    LogSource logsource = logsource(keys, root, problems);
    Detection detection = null;
    NodeTuple detectionKey = keys.get("detection");
    if (detectionKey == null) {
      problems.error(root, "missing required 'detection'");
    } else {
      detection = new DetectionParser(problems).parse(detectionKey);
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    keys.forEach(
        (key, tuple) -> {
          if (!KNOWN_KEYS.contains(key)) {
            custom.put(key, PlainValues.of(tuple.getValueNode()));
          }
        });
    if (problems.errorCount() > errorsBefore || detection == null || logsource == null) {
      return null;
    }
    return new SigmaRule(
        optionalText(keys, "id", problems),
        optionalText(keys, "name", problems),
        title,
        optionalText(keys, "description", problems),
        status,
        level,
        textList(keys, "tags", problems),
        logsource,
        detection,
        textList(keys, "falsepositives", problems),
        textList(keys, "references", problems),
        optionalText(keys, "author", problems),
        custom,
        problems.source());
  }

  /** The map's entries by key, reporting non-scalar and duplicate keys. */
  static Map<String, NodeTuple> keys(MappingNode map, Problems problems) {
    Map<String, NodeTuple> keys = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : map.getValue()) {
      String key = Nodes.scalar(tuple.getKeyNode());
      if (key == null) {
        problems.error(tuple.getKeyNode(), "keys must be plain text");
      } else if (!seen.add(key)) {
        problems.error(tuple.getKeyNode(), "duplicate key '" + key + "'");
      } else {
        keys.put(key, tuple);
      }
    }
    return keys;
  }

  private static LogSource logsource(Map<String, NodeTuple> keys, Node root, Problems problems) {
    NodeTuple tuple = keys.get("logsource");
    if (tuple == null) {
      problems.error(root, "missing required 'logsource'");
      return null;
    }
    if (!(tuple.getValueNode() instanceof MappingNode map)) {
      problems.error(tuple.getValueNode(), "'logsource' must be a map");
      return null;
    }
    Map<String, NodeTuple> parts = keys(map, problems);
    LogSource source =
        new LogSource(
            optionalText(parts, "category", problems),
            optionalText(parts, "product", problems),
            optionalText(parts, "service", problems));
    if (source.category() == null && source.product() == null && source.service() == null) {
      problems.error(map, "'logsource' names no category, product or service");
    }
    return source;
  }

  static String requiredText(
      Map<String, NodeTuple> keys, String key, Node root, Problems problems) {
    if (!keys.containsKey(key)) {
      problems.error(root, "missing required '" + key + "'");
      return null;
    }
    String text = optionalText(keys, key, problems);
    if (text == null || text.isBlank()) {
      problems.error(keys.get(key).getValueNode(), "'" + key + "' must not be empty");
    }
    return text;
  }

  static String optionalText(Map<String, NodeTuple> keys, String key, Problems problems) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      return null;
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }
    problems.error(value, "'" + key + "' must be a single value");
    return null;
  }

  static List<String> textList(Map<String, NodeTuple> keys, String key, Problems problems) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      return List.of();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? List.of() : List.of(scalar.getValue());
    }
    List<String> out = new ArrayList<>();
    if (value instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        String text = Nodes.scalar(item);
        if (text == null) {
          problems.error(item, "'" + key + "' must be a list of values");
        } else {
          out.add(text);
        }
      }
    } else {
      problems.error(value, "'" + key + "' must be a list of values");
    }
    return out;
  }
}
