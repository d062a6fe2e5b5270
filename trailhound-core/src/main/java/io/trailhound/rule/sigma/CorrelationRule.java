package io.trailhound.rule.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed Sigma correlation rule (specification 2.1): immutable, independent of how it is
 * evaluated. References to other rules are kept as written and resolved when every rule is known.
 *
 * @param id the rule's id; may be null
 * @param name the rule's unique name; may be null
 * @param title mandatory title
 * @param description may be null
 * @param status may be null
 * @param level severity of a match; {@link Level#MEDIUM} when the rule gives none
 * @param tags tags such as {@code attack.t1580}
 * @param correlation the correlation section
 * @param generate true when the referenced rules should still raise their own findings
 * @param falsePositives known false positives
 * @param references links
 * @param author may be null
 * @param custom top-level keys the specification does not define (e.g. {@code finding_types})
 * @param source the file the rule was read from
 * @param line one-based line where the rule's document starts
 */
public record CorrelationRule(
    String id,
    String name,
    String title,
    String description,
    String status,
    Level level,
    List<String> tags,
    Correlation correlation,
    boolean generate,
    List<String> falsePositives,
    List<String> references,
    String author,
    Map<String, Object> custom,
    String source,
    int line)
    implements RuleHeader {

  public CorrelationRule {
    Objects.requireNonNull(correlation, "correlation");
    Objects.requireNonNull(source, "source");
    level = level == null ? Level.MEDIUM : level;
    tags = List.copyOf(tags);
    falsePositives = List.copyOf(falsePositives);
    references = List.copyOf(references);
    custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }
}
