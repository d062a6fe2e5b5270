package io.trailhound.rule.sigma;

import java.util.List;

/**
 * One {@code field|modifier|...: values} entry of a search.
 *
 * @param field dotted field path; null for a keyword search over the whole event
 * @param modifiers the modifier chain in rule order
 * @param values the values (a scalar in the rule is a one-element list)
 * @param line one-based line of the key in the rule file
 * @param column one-based column of the key in the rule file
 */
public record FieldCondition(
    String field, List<Modifier> modifiers, List<SigmaValue> values, int line, int column) {

  public FieldCondition {
    modifiers = List.copyOf(modifiers);
    values = List.copyOf(values);
  }

  public boolean isKeyword() {
    return field == null;
  }

  public boolean has(Modifier modifier) {
    return modifiers.contains(modifier);
  }
}
