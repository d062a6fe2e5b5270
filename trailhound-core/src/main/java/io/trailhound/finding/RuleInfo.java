package io.trailhound.finding;

import java.util.List;
import java.util.Objects;

/**
 * What a finding needs to know about the detection that raised it, independent of the rule
 * language.
 *
 * @param ruleId stable id of the rule (Sigma {@code id}, else its name)
 * @param name short name (file stem for built-in rules), may equal ruleId
 * @param title human title
 * @param description what the detection means
 * @param severity severity of a finding it raises
 * @param types GuardDuty-style finding type names, may be empty
 * @param techniques ATT&amp;CK technique ids
 * @param tactics ATT&amp;CK tactic names ({@code persistence})
 * @param origin where the rule came from ({@code builtin:...} or a file path; {@code
 *     external:guardduty} for another tool's finding, see {@link #reportedBy()})
 */
public record RuleInfo(
    String ruleId,
    String name,
    String title,
    String description,
    Severity severity,
    List<String> types,
    List<String> techniques,
    List<String> tactics,
    String origin) {

  public RuleInfo {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    name = name == null ? ruleId : name;
    title = title == null ? name : title;
    description = description == null ? "" : description;
    types = List.copyOf(types);
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    origin = origin == null ? "" : origin;
  }

  /** Prefix of the origin of findings another tool raised. */
  public static final String EXTERNAL = "external:";

  /**
   * Who raised findings of this rule: {@code trailhound}, or the other tool ({@code guardduty},
   * {@code securityhub}, {@code inspector}) whose finding was read from the inputs.
   */
  public String reportedBy() {
    return origin.startsWith(EXTERNAL) ? origin.substring(EXTERNAL.length()) : "trailhound";
  }
}
