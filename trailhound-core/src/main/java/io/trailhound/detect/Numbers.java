package io.trailhound.detect;

import java.math.BigDecimal;

/** Reads numbers out of event text without exceptions on the common non-numeric path. */
final class Numbers {

  private Numbers() {}

  /** The decimal value of {@code text}, or null when it is not a plain decimal number. */
  static BigDecimal parse(String text) {
    int n = text.length();
    if (n == 0 || n > 100) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        return null;
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
