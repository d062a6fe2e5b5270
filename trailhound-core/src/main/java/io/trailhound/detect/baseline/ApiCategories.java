package io.trailhound.detect.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which API calls belong to which {@link Category}: data, in {@code
 * content/detectors/api-categories.tsv}. Each line is {@code eventSource TAB eventName TAB
 * category}; a name ending in {@code *} matches by prefix, an event source of {@code *} matches
 * every service; the first matching line wins. Answers are cached per (service, api), so the
 * patterns are walked once per distinct API, not per event.
 */
final class ApiCategories {

  static final String RESOURCE = "content/detectors/api-categories.tsv";

  private record Line(String service, String name, boolean prefix, Category category) {
    boolean matches(String s, String api) {
      return (service.equals("*") || service.equals(s))
          && (prefix ? api.startsWith(name) : api.equals(name));
    }
  }

  private final List<Line> lines;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Optional<Category>>> cache =
      new ConcurrentHashMap<>();

  private ApiCategories(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  static ApiCategories builtin() {
    try (InputStream in = ApiCategories.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  static ApiCategories parse(String text, String origin) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\n")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      Category category = cols.length == 3 ? Category.fromLabel(cols[2].strip()) : null;
      if (category == null) {
        throw new IllegalArgumentException(
            origin + ":" + number + ": expected 'eventSource TAB eventName TAB category'");
      }
      String name = cols[1].strip();
      boolean prefix = name.endsWith("*");
      lines.add(
          new Line(
              cols[0].strip(),
              prefix ? name.substring(0, name.length() - 1) : name,
              prefix,
              category));
    }
    return new ApiCategories(lines);
  }

  /** The category of an API call, or null when it has none. */
  Category of(String service, String api) {
    if (service == null || api == null) {
      return null;
    }
    ConcurrentHashMap<String, Optional<Category>> apis = cache.get(service);
    if (apis == null) {
      // Attacker-chosen event sources must not grow the cache without bound either.
      if (cache.size() >= 2_000) {
        return lookup(service, api);
      }
      apis = cache.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
    }
    Optional<Category> known = apis.get(api);
    if (known == null) {
      known = Optional.ofNullable(lookup(service, api));
      // Attacker-chosen API names must not grow the cache without bound.
      if (apis.size() < 10_000) {
        apis.put(api, known);
      }
    }
    return known.orElse(null);
  }

  private Category lookup(String service, String api) {
    for (Line l : lines) {
      if (l.matches(service, api)) {
        return l.category();
      }
    }
    return null;
  }
}
