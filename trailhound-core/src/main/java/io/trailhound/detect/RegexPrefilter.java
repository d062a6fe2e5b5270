package io.trailhound.detect;

/**
 * Finds a literal that every match of a regular expression must contain, so most values can be
 * rejected with a substring test before running the regex. Conservative: without alternation,
 * ignoring groups, classes, escapes and optional characters; null when there is no such literal.
 */
final class RegexPrefilter {

  private static final int MIN_LENGTH = 3;

  private RegexPrefilter() {}

  static String requiredLiteral(String pattern) {
    if (pattern.indexOf('|') >= 0 || pattern.contains("\\Q")) {
      return null;
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '(' || c == ')') {
        depth += c == '(' ? 1 : -1;
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      if (depth > 0) {
        if (c == '\\') {
          i++;
        }
        continue;
      }
      switch (c) {
        case '\\':
          if (i + 1 < pattern.length() && isEscapedLiteral(pattern.charAt(i + 1))) {
            run.append(pattern.charAt(++i));
          } else {
            best = longer(best, run);
            run.setLength(0);
            i++;
          }
          break;
        case '[':
          best = longer(best, run);
          run.setLength(0);
          i = classEnd(pattern, i);
          break;
        case '*':
        case '?':
        case '{':
          if (run.length() > 0) {
            run.setLength(run.length() - 1);
          }
          best = longer(best, run);
          run.setLength(0);
          if (c == '{') {
            int end = pattern.indexOf('}', i);
            i = end < 0 ? pattern.length() : end;
          }
          break;
        case '+':
        case '.':
        case '^':
        case '$':
          best = longer(best, run);
          run.setLength(0);
          break;
        default:
          run.append(c);
      }
    }
    best = longer(best, run);
    return best.length() >= MIN_LENGTH ? best : null;
  }

  /** A character after a backslash that stands for itself (punctuation, not a class like \d). */
  private static boolean isEscapedLiteral(char c) {
    return c < 128 && !Character.isLetterOrDigit(c);
  }

  private static int classEnd(String pattern, int open) {
    int i = open + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++;
    }
    while (i < pattern.length() && pattern.charAt(i) != ']') {
      if (pattern.charAt(i) == '\\') {
        i++;
      }
      i++;
    }
    return i;
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }

  /** Whether {@code literal} occurs in {@code text}, ignoring ASCII case when asked. */
  static boolean occursIn(String literal, String text, boolean ignoreCase) {
    if (!ignoreCase) {
      return text.contains(literal);
    }
    int last = text.length() - literal.length();
    for (int i = 0; i <= last; i++) {
      if (text.regionMatches(true, i, literal, 0, literal.length())) {
        return true;
      }
    }
    return false;
  }
}
