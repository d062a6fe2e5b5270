package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * Placeholders in a value of {@code |expand}: {@code %name%}, where {@code \%} is a plain percent
 * sign. Expansion substitutes every combination of configured values.
 */
public final class PlaceholderText {

  private PlaceholderText() {}

  /** The placeholder names in {@code raw}, in order. */
  public static List<String> names(String raw) {
    List<String> names = new ArrayList<>();
    split(raw, new ArrayList<>(), names);
    return names;
  }

  /**
   * Every Sigma string {@code raw} expands to; empty when a placeholder has no values.
   *
   * @param maxResults stop after this many results
   */
  public static List<String> expand(String raw, Placeholders placeholders, int maxResults) {
    List<String> texts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    split(raw, texts, names);
    List<String> results = new ArrayList<>(List.of(texts.get(0)));
    for (int i = 0; i < names.size(); i++) {
      List<String> next = new ArrayList<>();
      for (String prefix : results) {
        for (String v : placeholders.valuesOf(names.get(i))) {
          if (next.size() < maxResults) {
            next.add(prefix + v + texts.get(i + 1));
          }
        }
      }
      results = next;
    }
    return results;
  }

  /** Splits into n+1 literal texts (with {@code \%} unescaped) around n placeholder names. */
  private static void split(String raw, List<String> texts, List<String> names) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
        text.append('%');
        i += 2;
      } else if (c == '%' && raw.indexOf('%', i + 1) > i + 1) {
        int end = raw.indexOf('%', i + 1);
        texts.add(text.toString());
        text.setLength(0);
        names.add(raw.substring(i + 1, end));
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    texts.add(text.toString());
  }
}
