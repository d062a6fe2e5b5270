package io.trailhound.rule.sigma;

import java.util.List;

/** The parsed {@code condition} of a detection: a boolean expression over search identifiers. */
public sealed interface Condition {

  /** Every operand holds. */
  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** At least one operand holds. */
  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The operand does not hold. */
  record Not(Condition operand) implements Condition {}

  /** The search identifier {@code identifier} matches. */
  record Ref(String identifier) implements Condition {}

  /**
   * {@code 1 of pattern} or {@code all of pattern}: over the search identifiers matching {@code
   * pattern} ({@code *} wildcards), or over all identifiers not starting with {@code _} when the
   * pattern is {@code them}.
   */
  record Quantified(Quantifier quantifier, String pattern) implements Condition {

    public boolean them() {
      return "them".equals(pattern);
    }

    /** Whether the search identifier {@code identifier} is one this selector ranges over. */
    public boolean selects(String identifier) {
      if (them()) {
        return !identifier.startsWith("_");
      }
      return Glob.matches(pattern, identifier);
    }
  }

  /** {@code 1 of} or {@code all of}. */
  enum Quantifier {
    ONE,
    ALL
  }
}
