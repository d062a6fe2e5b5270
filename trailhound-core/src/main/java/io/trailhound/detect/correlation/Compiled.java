package io.trailhound.detect.correlation;

import io.trailhound.rule.sigma.Correlation;
import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.CorrelationType;
import java.util.List;

/**
 * A correlation rule ready to run: for each referenced rule (an "input"), the field to read for
 * every group-by entry (aliases resolved) and for the aggregated value.
 *
 * @param rule the correlation rule
 * @param inputs the referenced rules in the order written
 * @param reportable whether results become findings: true for outermost correlations and for
 *     correlations referenced by one that has {@code generate: true}
 */
record Compiled(CorrelationRule rule, List<Input> inputs, boolean reportable) {

  /**
   * One referenced rule.
   *
   * @param ref the reference as written
   * @param groupFields the field per group-by entry (null when an alias leaves this rule out)
   * @param valueFields the aggregated field(s); empty for count and temporal types
   */
  record Input(String ref, List<String> groupFields, List<String> valueFields) {}

  Correlation correlation() {
    return rule.correlation();
  }

  CorrelationType type() {
    return rule.correlation().type();
  }

  long spanMillis() {
    return rule.correlation().timespan().toMillis();
  }

  static Input input(Correlation c, String ref) {
    // Interned, so the engine can remember a field read for one route by identity for the next.
    List<String> groups =
        c.groupBy().stream().map(g -> c.fieldFor(g, ref)).map(Compiled::intern).toList();
    return new Input(
        ref,
        java.util.Collections.unmodifiableList(new java.util.ArrayList<>(groups)),
        c.condition().fields().stream().map(Compiled::intern).toList());
  }

  private static String intern(String field) {
    return field == null ? null : field.intern();
  }
}
