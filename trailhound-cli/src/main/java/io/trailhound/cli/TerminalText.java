package io.trailhound.cli;

/**
 * Makes log-derived text safe for a terminal. Log fields are attacker-controlled: an ANSI escape
 * sequence in a user agent must not move the cursor, recolour the screen or rewrite earlier lines,
 * and bidirectional overrides must not reorder what an analyst reads.
 */
final class TerminalText {

  private TerminalText() {}

  /** Replaces control, escape and bidi-override characters with visible {@code \\uXXXX} escapes. */
  static String safe(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (dangerous(c)) {
        if (b == null) {
          b = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  /** {@link #safe} then cut to {@code width} characters, marking the cut with an ellipsis. */
  static String cell(String text, int width) {
    String s = safe(text);
    if (s.length() <= width) {
      return s;
    }
    return width <= 1 ? s.substring(0, width) : s.substring(0, width - 1) + "…";
  }

  private static boolean dangerous(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }
}
