package io.trailhound.rule.sigma;

import java.util.Locale;

/** The value modifiers of the Sigma modifiers appendix (v2.1.0). */
public enum Modifier {
  CONTAINS,
  STARTSWITH,
  ENDSWITH,
  ALL,
  EXISTS,
  CASED,
  NEQ,
  WINDASH,
  RE,
  I,
  M,
  S,
  BASE64,
  BASE64OFFSET,
  UTF16LE,
  UTF16BE,
  UTF16,
  WIDE,
  LT,
  LTE,
  GT,
  GTE,
  MINUTE,
  HOUR,
  DAY,
  WEEK,
  MONTH,
  YEAR,
  CIDR,
  EXPAND,
  FIELDREF;

  /** The name as written in rules. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The modifier written {@code token}, or null when there is none. */
  static Modifier parse(String token) {
    for (Modifier modifier : values()) {
      if (modifier.token().equals(token)) {
        return modifier;
      }
    }
    return null;
  }

  boolean isRegexFlag() {
    return this == I || this == M || this == S;
  }

  boolean isComparison() {
    return this == LT || this == LTE || this == GT || this == GTE;
  }

  boolean isTimePart() {
    return this == MINUTE
        || this == HOUR
        || this == DAY
        || this == WEEK
        || this == MONTH
        || this == YEAR;
  }

  boolean isEncoding() {
    return this == UTF16LE || this == UTF16BE || this == UTF16 || this == WIDE;
  }
}
