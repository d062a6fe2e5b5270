package io.trailhound.rule.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detection} section: named searches and the condition over them.
 *
 * @param searches search identifiers in rule order
 * @param condition the condition; a list of conditions in the rule is an {@link Condition.Or}
 */
public record Detection(Map<String, Search> searches, Condition condition) {

  public Detection {
    searches = Collections.unmodifiableMap(new LinkedHashMap<>(searches));
  }
}
