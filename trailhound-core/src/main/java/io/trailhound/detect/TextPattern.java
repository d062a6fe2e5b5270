package io.trailhound.detect;

import io.trailhound.rule.sigma.SigmaString;
import java.util.List;

/**
 * A Sigma string compiled for fast matching: plain equality, prefix, suffix and substring tests use
 * {@link String#regionMatches} (case folding without allocation); other wildcard shapes use a
 * linear-memory glob matcher. Never a regular expression.
 */
final class TextPattern extends TextTest {

  private enum Shape {
    EXACT,
    PREFIX,
    SUFFIX,
    CONTAINS,
    ANY,
    GLOB
  }

  private static final char ONE = 1;
  private static final char RUN = 2;

  private final Shape shape;
  private final String literal;
  private final boolean cased;
  private final char first;
  private final char firstUpper;
  private final char firstLower;
  private final char[] glob;
  private final boolean[] wild;

  private TextPattern(Shape shape, String literal, boolean cased, char[] glob, boolean[] wild) {
    this.shape = shape;
    this.literal = literal;
    this.cased = cased;
    this.glob = glob;
    this.wild = wild;
    this.first = literal.isEmpty() ? 0 : literal.charAt(0);
    this.firstUpper = Character.toUpperCase(first);
    this.firstLower = Character.toLowerCase(first);
  }

  static TextPattern of(SigmaString string, boolean cased) {
    List<SigmaString.Part> parts = string.parts();
    boolean startRun = parts.get(0) == SigmaString.AnyRun.INSTANCE;
    boolean endRun = parts.get(parts.size() - 1) == SigmaString.AnyRun.INSTANCE;
    if (parts.size() == 1 && parts.get(0) instanceof SigmaString.Literal l) {
      return new TextPattern(Shape.EXACT, l.text(), cased, null, null);
    }
    if (parts.size() == 1 && startRun) {
      return new TextPattern(Shape.ANY, "", cased, null, null);
    }
    if (parts.size() == 2 && endRun && parts.get(0) instanceof SigmaString.Literal l) {
      return new TextPattern(Shape.PREFIX, l.text(), cased, null, null);
    }
    if (parts.size() == 2 && startRun && parts.get(1) instanceof SigmaString.Literal l) {
      return new TextPattern(Shape.SUFFIX, l.text(), cased, null, null);
    }
    if (parts.size() == 3 && startRun && endRun && parts.get(1) instanceof SigmaString.Literal l) {
      return new TextPattern(Shape.CONTAINS, l.text(), cased, null, null);
    }
    StringBuilder chars = new StringBuilder();
    StringBuilder kinds = new StringBuilder();
    for (SigmaString.Part part : parts) {
      if (part instanceof SigmaString.Literal l) {
        chars.append(l.text());
        kinds.append("0".repeat(l.text().length()));
      } else {
        chars.append(part == SigmaString.AnyRun.INSTANCE ? RUN : ONE);
        kinds.append('1');
      }
    }
    boolean[] wild = new boolean[kinds.length()];
    for (int i = 0; i < wild.length; i++) {
      wild[i] = kinds.charAt(i) == '1';
    }
    return new TextPattern(Shape.GLOB, "", cased, chars.toString().toCharArray(), wild);
  }

  /**
   * The literal when this pattern is a case-insensitive equality with an ASCII literal, else null:
   * such patterns can be looked up together in a {@link FoldedIndex}, which for ASCII text folds
   * exactly as {@link String#equalsIgnoreCase} compares.
   */
  String asciiEquality() {
    return shape == Shape.EXACT && !cased && ascii(literal) ? literal : null;
  }

  static boolean ascii(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean testText(String text) {
    switch (shape) {
      case EXACT:
        return cased ? text.equals(literal) : text.equalsIgnoreCase(literal);
      case PREFIX:
        return text.regionMatches(!cased, 0, literal, 0, literal.length());
      case SUFFIX:
        int start = text.length() - literal.length();
        return start >= 0 && text.regionMatches(!cased, start, literal, 0, literal.length());
      case CONTAINS:
        return contains(text);
      case ANY:
        return true;
      default:
        return glob(text);
    }
  }

  private boolean contains(String text) {
    int n = literal.length();
    if (n == 0) {
      return true;
    }
    int last = text.length() - n;
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || (!cased && (c == firstUpper || c == firstLower || same(c, first))))
          && text.regionMatches(!cased, i, literal, 0, n)) {
        return true;
      }
    }
    return false;
  }

  private boolean same(char a, char b) {
    if (a == b) {
      return true;
    }
    if (cased) {
      return false;
    }
    if ((a | b) < 128) {
      // ASCII folds only A-Z: the common case without the two Unicode case mappings.
      return (a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' && (a | 0x20) <= 'z';
    }
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }

  /** Classic wildcard matching with one backtrack point: O(text x pattern) time, no memory. */
  private boolean glob(String text) {
    int t = 0;
    int p = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < glob.length && wild[p] && glob[p] == RUN) {
        star = p++;
        mark = t;
      } else if (p < glob.length
          && ((wild[p] && glob[p] == ONE) || (!wild[p] && same(glob[p], text.charAt(t))))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < glob.length && wild[p] && glob[p] == RUN) {
      p++;
    }
    return p == glob.length;
  }
}
