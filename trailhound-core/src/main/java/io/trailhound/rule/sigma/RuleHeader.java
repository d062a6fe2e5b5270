package io.trailhound.rule.sigma;

import java.util.List;
import java.util.Map;

/**
 * What detection and correlation rules have in common: the fields a finding is labelled with. Both
 * {@link SigmaRule} and {@link CorrelationRule} are records whose components implement it.
 */
public interface RuleHeader {

  /** The rule's id (a UUID in Sigma); may be null. */
  String id();

  String name();

  String title();

  String description();

  Level level();

  List<String> tags();

  Map<String, Object> custom();

  /** The file the rule was read from. */
  String source();

  /** The id, else the name, else the file name without extension. */
  default String ruleId() {
    return id() != null ? id() : fileName();
  }

  /** The name, else the file name without extension: what fixtures are filed under. */
  default String fileName() {
    if (name() != null) {
      return name();
    }
    String s = source();
    String stem = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    int dot = stem.lastIndexOf('.');
    return dot > 0 ? stem.substring(0, dot) : stem;
  }
}
