package io.trailhound.detect;

import io.trailhound.rule.sigma.LogSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The mapping from Sigma logsources to source types, read from {@code logsources.yml}. */
final class LogSources {

  private record Entry(String category, String product, String service, String sourceType) {}

  private static final List<Entry> ENTRIES = load();

  private LogSources() {}

  /** The source type the rule's logsource applies to, or null when none. */
  static String sourceTypeOf(LogSource source) {
    for (Entry e : ENTRIES) {
      if (fits(source.category(), e.category())
          && fits(source.product(), e.product())
          && fits(source.service(), e.service())) {
        return e.sourceType();
      }
    }
    return null;
  }

  private static boolean fits(String ruleValue, String entryValue) {
    return ruleValue == null || Objects.equals(ruleValue, entryValue);
  }

  @SuppressWarnings("unchecked")
  private static List<Entry> load() {
    try (InputStream in = LogSources.class.getResourceAsStream("logsources.yml")) {
      if (in == null) {
        throw new IllegalStateException("logsources.yml missing from the classpath");
      }
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      List<Map<String, String>> raw = yaml.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Entry> entries = new ArrayList<>();
      for (Map<String, String> m : raw) {
        entries.add(
            new Entry(m.get("category"), m.get("product"), m.get("service"), m.get("sourceType")));
      }
      return List.copyOf(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
