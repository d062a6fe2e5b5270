package io.trailhound.rule.sigma;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * When a correlation fires: one or more comparisons of the aggregate, all of which must hold.
 *
 * @param comparisons the comparisons, joined by AND; empty for temporal types without a condition
 *     (then every referenced rule must be seen)
 * @param fields the field(s) whose values are aggregated (value_* types); empty otherwise
 * @param percentile the percentile (0–100) for {@code value_percentile}; null otherwise
 */
public record CorrelationCondition(
    List<Comparison> comparisons, List<String> fields, Integer percentile) {

  public CorrelationCondition {
    comparisons = List.copyOf(comparisons);
    fields = List.copyOf(fields);
  }

  /** The comparison operators of the specification. */
  public enum Operator {
    GT,
    GTE,
    LT,
    LTE,
    EQ,
    NEQ;

    /** The name used in rules, e.g. {@code gte}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Operator parse(String text) {
      for (Operator o : values()) {
        if (o.yamlName().equals(text)) {
          return o;
        }
      }
      return null;
    }
  }

  /** One comparison of the aggregate with a threshold. */
  public record Comparison(Operator operator, BigDecimal value) {
    public Comparison {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }

    /** Whether {@code aggregate} satisfies this comparison. */
    public boolean test(double aggregate) {
      int c = BigDecimal.valueOf(aggregate).compareTo(value);
      return switch (operator) {
        case GT -> c > 0;
        case GTE -> c >= 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
        case EQ -> c == 0;
        case NEQ -> c != 0;
      };
    }
  }

  /** Whether every comparison holds for {@code aggregate}. */
  public boolean test(double aggregate) {
    return comparisons.stream().allMatch(c -> c.test(aggregate));
  }
}
