package io.trailhound.rule.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated Sigma detection rule: immutable, and independent of how it is matched.
 *
 * @param id the rule's UUID; may be null
 * @param name the rule's unique name (for correlation rules); may be null
 * @param title mandatory title
 * @param description may be null
 * @param status may be null
 * @param level criticality; {@link Level#MEDIUM} when the rule gives none
 * @param tags tags such as {@code attack.t1078.004}
 * @param logsource the log the rule applies to
 * @param detection the searches and condition
 * @param falsePositives known false positives
 * @param references links the rule was derived from
 * @param author may be null
 * @param custom top-level keys the specification does not define (e.g. {@code finding_types}), as
 *     plain Java values (String, Number, Boolean, List, Map)
 * @param source the file the rule was read from
 */
public record SigmaRule(
    String id,
    String name,
    String title,
    String description,
    String status,
    Level level,
    List<String> tags,
    LogSource logsource,
    Detection detection,
    List<String> falsePositives,
    List<String> references,
    String author,
    Map<String, Object> custom,
    String source)
    implements RuleHeader {

  public SigmaRule {
    level = level == null ? Level.MEDIUM : level;
    tags = List.copyOf(tags);
    falsePositives = List.copyOf(falsePositives);
    references = List.copyOf(references);
    custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }
}
