package io.trailhound.scan;

import io.trailhound.finding.AttackTag;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The metadata file beside a Java detector (baselines, impossible travel, network detectors): what
 * Sigma cannot express is code, but what a finding is labelled with stays data. A file {@code
 * content/detectors/<id>.yml} has the header fields of a Sigma rule — {@code title}, {@code
 * description}, {@code level}, {@code tags} ({@code attack.*}), {@code finding_types} — and a
 * {@code parameters} map of the detector's tunable defaults. The id is the file name.
 *
 * @param info the finding metadata, built the way it is for Sigma rules
 * @param parameters the detector's defaults (numbers, strings, lists), in file order
 */
public record DetectorMetadata(RuleInfo info, Map<String, Object> parameters) {

  /** Index of the built-in detectors' metadata files, one id per line. */
  public static final String INDEX = "content/detectors/INDEX";

  public DetectorMetadata {
    parameters = Map.copyOf(parameters);
  }

  /** The metadata of a built-in detector; fails fast when the file is missing or invalid. */
  public static DetectorMetadata builtin(String id) {
    String path = "content/detectors/" + id + ".yml";
    try (InputStream in = DetectorMetadata.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no detector metadata at " + path);
      }
      return parse(id, "builtin:" + path, in);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  /** Every id listed in {@link #INDEX}. */
  public static List<String> builtinIds() {
    try (InputStream in = DetectorMetadata.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(INDEX, e);
    }
  }

  /**
   * Reads one metadata file.
   *
   * @throws IllegalArgumentException naming the file and the field when a required field is missing
   *     or of the wrong type
   */
  public static DetectorMetadata parse(String id, String origin, InputStream in) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    if (!(doc instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(origin + ": not a YAML mapping");
    }
    String title = text(map, "title", origin);
    String description = map.get("description") == null ? "" : text(map, "description", origin);
    String level = text(map, "level", origin);
    List<String> tags = strings(map.get("tags"), "tags", origin);
    List<String> types = strings(map.get("finding_types"), "finding_types", origin);
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (map.get("parameters") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> parameters.put(String.valueOf(k), v));
    } else if (map.get("parameters") != null) {
      throw new IllegalArgumentException(origin + ": parameters must be a mapping");
    }
    RuleInfo info =
        new RuleInfo(
            id,
            id,
            title,
            description.strip(),
            Severity.parse(level),
            types,
            AttackTag.techniques(tags),
            AttackTag.tactics(tags),
            origin);
    return new DetectorMetadata(info, parameters);
  }

  /** A numeric parameter, or the fallback when the file does not set it. */
  public double number(String name, double fallback) {
    return parameters.get(name) instanceof Number n ? n.doubleValue() : fallback;
  }

  private static String text(Map<?, ?> map, String key, String origin) {
    Object v = map.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(origin + ": '" + key + "' must be a non-empty string");
    }
    return s;
  }

  private static List<String> strings(Object v, String key, String origin) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException(origin + ": '" + key + "' must be a list");
    }
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
