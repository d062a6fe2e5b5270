package io.trailhound.rule.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Values for the placeholders of {@code |expand} ({@code %Servers%}): name without percent signs to
 * the Sigma strings it stands for (wildcards allowed). A placeholder that is not configured expands
 * to no values, so a search on it matches nothing.
 */
public final class Placeholders {

  private static final Placeholders NONE = new Placeholders(Map.of());

  private final Map<String, List<String>> values;

  private Placeholders(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Collections.unmodifiableMap(copy);
  }

  public static Placeholders none() {
    return NONE;
  }

  public static Placeholders of(Map<String, List<String>> values) {
    return new Placeholders(values);
  }

  /**
   * Reads a YAML map of placeholder name to a value or a list of values.
   *
   * @throws RuleException when the file cannot be read or is not such a map
   */
  public static Placeholders load(Path file) {
    String source = file.toString();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Node root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
      if (root == null) {
        return NONE;
      }
      if (!(root instanceof MappingNode map)) {
        throw new RuleException(List.of(Nodes.error(source, root, "placeholders must be a map")));
      }
      List<RuleProblem> problems = new ArrayList<>();
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        String name = Nodes.scalar(tuple.getKeyNode());
        List<String> list = new ArrayList<>();
        Node value = tuple.getValueNode();
        if (value instanceof SequenceNode seq) {
          seq.getValue().forEach(n -> addScalar(source, n, list, problems));
        } else {
          addScalar(source, value, list, problems);
        }
        values.put(name, list);
      }
      if (!problems.isEmpty()) {
        throw new RuleException(problems);
      }
      return new Placeholders(values);
    } catch (IOException e) {
      throw new RuleException(List.of(RuleProblem.error(source, 0, 0, "cannot read: " + e)));
    } catch (MarkedYAMLException e) {
      throw new RuleException(List.of(Nodes.yamlError(source, e)));
    } catch (YAMLException e) {
      throw new RuleException(List.of(RuleProblem.error(source, 0, 0, e.getMessage())));
    }
  }

  private static void addScalar(
      String source, Node node, List<String> out, List<RuleProblem> problems) {
    if (node instanceof ScalarNode scalar) {
      out.add(scalar.getValue());
    } else {
      problems.add(Nodes.error(source, node, "placeholder values must be scalars"));
    }
  }

  /** Whether {@code name} has been configured (possibly with an empty list). */
  public boolean isConfigured(String name) {
    return values.containsKey(name);
  }

  /** The values of {@code name}; empty when it is not configured. */
  public List<String> valuesOf(String name) {
    return values.getOrDefault(name, List.of());
  }

  public Map<String, List<String>> asMap() {
    return values;
  }
}
