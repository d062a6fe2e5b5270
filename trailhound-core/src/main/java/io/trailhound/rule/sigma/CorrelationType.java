package io.trailhound.rule.sigma;

import java.util.Locale;

/** The kinds of Sigma correlation (specification 2.1), by their YAML names. */
public enum CorrelationType {
  EVENT_COUNT,
  VALUE_COUNT,
  TEMPORAL,
  TEMPORAL_ORDERED,
  VALUE_SUM,
  VALUE_AVG,
  VALUE_PERCENTILE;

  /** The name used in rules, e.g. {@code event_count}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the types that aggregate a field's values and so need {@code condition.field}. */
  public boolean needsField() {
    return this == VALUE_COUNT
        || this == VALUE_SUM
        || this == VALUE_AVG
        || this == VALUE_PERCENTILE;
  }

  /** True for the types whose condition is optional (all referenced rules must be seen). */
  public boolean isTemporal() {
    return this == TEMPORAL || this == TEMPORAL_ORDERED;
  }

  static CorrelationType parse(String text) {
    for (CorrelationType t : values()) {
      if (t.yamlName().equals(text)) {
        return t;
      }
    }
    return null;
  }
}
