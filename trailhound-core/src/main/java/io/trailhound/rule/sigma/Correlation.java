package io.trailhound.rule.sigma;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code correlation} section of a correlation rule.
 *
 * @param type the kind of correlation
 * @param rules the referenced detection or correlation rules, in the order written (the order
 *     matters for {@link CorrelationType#TEMPORAL_ORDERED})
 * @param groupBy fields (or alias names) whose values must be equal within a group; may be empty
 * @param timespan the window length, positive
 * @param condition when the correlation fires
 * @param aliases alias name → (referenced rule as written in {@code rules} → field in its events)
 */
public record Correlation(
    CorrelationType type,
    List<RuleRef> rules,
    List<String> groupBy,
    Duration timespan,
    CorrelationCondition condition,
    Map<String, Map<String, String>> aliases) {

  public Correlation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timespan, "timespan");
    Objects.requireNonNull(condition, "condition");
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    aliases.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    aliases = Collections.unmodifiableMap(copy);
  }

  /**
   * The field to read for {@code groupField} in events matched by the rule referenced as {@code
   * ref}: the aliased field when {@code groupField} is an alias, else {@code groupField} itself.
   */
  public String fieldFor(String groupField, String ref) {
    Map<String, String> alias = aliases.get(groupField);
    if (alias == null) {
      return groupField;
    }
    return alias.get(ref);
  }
}
