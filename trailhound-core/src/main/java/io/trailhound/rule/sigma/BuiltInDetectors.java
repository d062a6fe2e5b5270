package io.trailhound.rule.sigma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids of the built-in Java detectors (behaviour baselines, threat intel, network), listed in
 * {@code content/detectors/INDEX}. A correlation rule may reference one of them like a detection
 * rule: the scan then feeds the detector's findings to the correlation as matches, so an attack
 * chain can start with "a key used from a new location", which no single event shows.
 */
public final class BuiltInDetectors {

  /** One detector id per line. */
  public static final String INDEX = "content/detectors/INDEX";

  private static final Set<String> IDS = load();

  private BuiltInDetectors() {}

  /** Every built-in detector id. */
  public static Set<String> ids() {
    return IDS;
  }

  /** Whether {@code id} names a built-in detector. */
  public static boolean contains(String id) {
    return IDS.contains(id);
  }

  private static Set<String> load() {
    Set<String> ids = new LinkedHashSet<>();
    try (InputStream in = BuiltInDetectors.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in == null) {
        return Set.of();
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          ids.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(ids);
  }
}
