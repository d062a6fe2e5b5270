package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string split into literal text and wildcards. {@code *} is any run of characters, {@code
 * ?} exactly one; {@code \*}, {@code \?} and {@code \\} stand for the plain characters, and a
 * backslash before anything else is itself.
 *
 * @param parts literal text and wildcards in order; adjacent literals are merged
 */
public record SigmaString(List<Part> parts) {

  public SigmaString {
    parts = List.copyOf(parts);
  }

  /** One piece of a Sigma string. */
  public sealed interface Part {}

  /** Plain text. */
  public record Literal(String text) implements Part {}

  /** {@code *}: any run of characters, possibly empty. */
  public enum AnyRun implements Part {
    INSTANCE
  }

  /** {@code ?}: exactly one character. */
  public enum AnyChar implements Part {
    INSTANCE
  }

  /** Splits {@code raw} at its unescaped wildcards. */
  public static SigmaString parse(String raw) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(i + 1);
        if (next == '*' || next == '?' || next == '\\') {
          text.append(next);
          i++;
          continue;
        }
        text.append(c);
      } else if (c == '*' || c == '?') {
        if (text.length() > 0) {
          parts.add(new Literal(text.toString()));
          text.setLength(0);
        }
        parts.add(c == '*' ? AnyRun.INSTANCE : AnyChar.INSTANCE);
      } else {
        text.append(c);
      }
    }
    if (text.length() > 0 || parts.isEmpty()) {
      parts.add(new Literal(text.toString()));
    }
    return new SigmaString(parts);
  }

  /** A string of plain text only. */
  public static SigmaString literal(String text) {
    return new SigmaString(List.of(new Literal(text)));
  }

  public boolean hasWildcards() {
    return parts.stream().anyMatch(p -> !(p instanceof Literal));
  }

  /** The text with wildcards written as {@code *} and {@code ?} (for messages and encodings). */
  public String plain() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else {
        out.append(part == AnyRun.INSTANCE ? '*' : '?');
      }
    }
    return out.toString();
  }
}
