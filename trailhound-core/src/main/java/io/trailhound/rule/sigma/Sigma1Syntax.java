package io.trailhound.rule.sigma;

import java.util.Locale;

/** Messages for Sigma 1.0 syntax that Sigma 2.0 removed in favour of correlation rules. */
final class Sigma1Syntax {

  private Sigma1Syntax() {}

  /** The error for a condition with the aggregation pipe; {@code aggregation} follows the pipe. */
  static String aggregationMessage(String aggregation) {
    String lower = aggregation.toLowerCase(Locale.ROOT);
    String shown = "`| " + aggregation + "`";
    String advice;
    if (lower.startsWith("near")) {
      advice = "express it as a correlation rule (temporal or temporal_ordered)";
    } else if (lower.startsWith("count()")) {
      advice = "express it as a correlation rule (event_count" + groupBy(aggregation) + ")";
    } else if (lower.startsWith("count(")) {
      advice = "express it as a correlation rule (value_count" + groupBy(aggregation) + ")";
    } else {
      advice = "express it as a correlation rule";
    }
    return "condition uses the Sigma 1.0 aggregation "
        + shown
        + ", removed in Sigma 2.0; "
        + advice;
  }

  private static String groupBy(String aggregation) {
    String[] words = aggregation.split("\\s+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equalsIgnoreCase("by")) {
        return " with group-by " + words[i + 1];
      }
    }
    return "";
  }
}
