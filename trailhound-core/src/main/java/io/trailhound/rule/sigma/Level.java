package io.trailhound.rule.sigma;

import java.util.Locale;

/** How critical a match of a rule is, as Sigma's {@code level} attribute names it. */
public enum Level {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The level named {@code text} (lower case in rules), or null when it names none. */
  static Level parse(String text) {
    for (Level level : values()) {
      if (level.name().toLowerCase(Locale.ROOT).equals(text)) {
        return level;
      }
    }
    return null;
  }
}
