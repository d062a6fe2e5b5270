package io.trailhound.rule.sigma;

import java.util.List;
import java.util.Map;

/**
 * What detection and correlation rules have in common: the fields a finding is labelled with. Both
 * {@link SigmaRule} and {@link CorrelationRule} are records whose components implement it.
 */
public interface RuleHeader {

  /** The rule's id, else its name, else its file name without extension. */
  String ruleId();

  String name();

  String title();

  String description();

  Level level();

  List<String> tags();

  Map<String, Object> custom();

  /** The file the rule was read from. */
  String source();
}
