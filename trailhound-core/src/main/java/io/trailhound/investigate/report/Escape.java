package io.trailhound.investigate.report;

/** Escaping of log-derived text: every field may carry attacker-chosen characters. */
final class Escape {

  private Escape() {}

  /** Text safe in HTML and SVG element content and in double- or single-quoted attributes. */
  static String html(String s) {
    if (s == null) {
      return "-";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' || c == 0x7f) {
            b.append("&#xFFFD;");
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Text safe inside a Markdown table cell: no HTML, no pipes, no code spans, one line. */
  static String markdown(String s) {
    if (s == null) {
      return "-";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '|' -> b.append("\\|");
        case '`', '*', '_', '[', ']', '\\' -> b.append('\\').append(c);
        case '\n', '\r', '\t' -> b.append(' ');
        default -> b.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
