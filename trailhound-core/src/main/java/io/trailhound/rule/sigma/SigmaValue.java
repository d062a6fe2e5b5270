package io.trailhound.rule.sigma;

import java.math.BigDecimal;

/** A value in a detection, typed as the YAML gave it. */
public sealed interface SigmaValue {

  /**
   * A string. {@code raw} is the text as written, with Sigma escapes; {@link SigmaString} gives the
   * parts with wildcards resolved.
   */
  record Str(String raw) implements SigmaValue {
    public Str {
      java.util.Objects.requireNonNull(raw, "raw");
    }

    public SigmaString parsed() {
      return SigmaString.parse(raw);
    }
  }

  /** A YAML number, kept as its literal text. */
  record Num(String literal) implements SigmaValue {
    public Num {
      java.util.Objects.requireNonNull(literal, "literal");
    }

    /** The numeric value, or null when the literal is not decimal (e.g. {@code 0x17}). */
    public BigDecimal decimal() {
      try {
        return new BigDecimal(literal);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** A YAML boolean. */
  record Bool(boolean value) implements SigmaValue {}

  /** A YAML {@code null} (or an empty value). */
  enum Null implements SigmaValue {
    INSTANCE
  }
}
