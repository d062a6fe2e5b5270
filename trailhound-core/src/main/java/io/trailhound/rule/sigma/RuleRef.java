package io.trailhound.rule.sigma;

import java.util.Objects;

/**
 * A reference from a correlation rule to another rule, by id or name, with where it was written
 * (references are resolved only once every rule is known, and errors must still say where).
 *
 * @param target the id or name referenced
 * @param line one-based line, 0 when unknown
 * @param column one-based column, 0 when unknown
 */
public record RuleRef(String target, int line, int column) {
  public RuleRef {
    Objects.requireNonNull(target, "target");
  }
}
