package io.trailhound.investigate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM privilege-escalation methods and the CloudTrail events each leaves ({@code
 * content/investigate/privesc.tsv}, bundled from the shared catalogue: pathfinding.cloud, Rhino,
 * PMapper, Cloudsplaining). A method is seen when every event it lists appears, successful, in an
 * investigation's evidence.
 */
final class PrivescCatalog {

  static final String RESOURCE = "/content/investigate/privesc.tsv";
  private static final Pattern EVENT =
      Pattern.compile("([a-z0-9-]+)\\.amazonaws\\.com:([A-Za-z]+)");

  /** One method. {@code events} are API names without Lambda's version suffixes. */
  record Method(String id, String name, String category, Set<String> events) {}

  private static final List<Method> METHODS = load();

  private PrivescCatalog() {}

  static List<Method> methods() {
    return METHODS;
  }

  /** Lambda logs {@code CreateFunction20150331}: the API without the version suffix. */
  static String baseApi(String api) {
    if (api == null) {
      return "";
    }
    int end = api.length();
    while (end > 0 && (Character.isDigit(api.charAt(end - 1)) || api.charAt(end - 1) == 'v')) {
      end--;
    }
    return end == 0 ? api : api.substring(0, end);
  }

  private static List<Method> load() {
    List<Method> out = new ArrayList<>();
    try (InputStream in = PrivescCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < 6) {
          continue;
        }
        Set<String> events = new LinkedHashSet<>();
        Matcher m = EVENT.matcher(cols[5]);
        while (m.find()) {
          events.add(baseApi(m.group(2)));
        }
        if (!events.isEmpty()) {
          out.add(new Method(cols[0], cols[2], cols[3], Set.copyOf(events)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
