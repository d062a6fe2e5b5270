package io.trailhound.detect;

import com.google.re2j.Pattern;
import io.trailhound.event.FieldValue;
import io.trailhound.rule.sigma.Cidr;
import java.math.BigDecimal;
import java.util.List;

/** The value tests other than text patterns. */
final class ValueTests {

  private ValueTests() {}

  /** {@code field: null}: a JSON null (a missing field is handled by {@link FieldMatcher}). */
  static final ValueTest NULL = (value, context) -> value == FieldValue.Null.INSTANCE;

  /** A YAML boolean: a JSON boolean, or the text {@code true}/{@code false} in any case. */
  static ValueTest bool(boolean expected) {
    String text = String.valueOf(expected);
    return (value, context) -> {
      if (value instanceof FieldValue.Bool b) {
        return b.value() == expected;
      }
      return value instanceof FieldValue.Text t && t.value().equalsIgnoreCase(text);
    };
  }

  /** A YAML number: equal by literal text (any case) or by numeric value, for numbers and texts. */
  static ValueTest number(String literal, BigDecimal decimal) {
    return new TextTest() {
      @Override
      public boolean testText(String text) {
        if (text.equalsIgnoreCase(literal)) {
          return true;
        }
        BigDecimal actual = decimal == null ? null : Numbers.parse(text);
        return actual != null && actual.compareTo(decimal) == 0;
      }
    };
  }

  /** {@code gt}, {@code gte}, {@code lt}, {@code lte} and plain equality on numbers. */
  enum Comparison {
    EQ,
    GT,
    GTE,
    LT,
    LTE;

    boolean holds(int compared) {
      switch (this) {
        case GT:
          return compared > 0;
        case GTE:
          return compared >= 0;
        case LT:
          return compared < 0;
        case LTE:
          return compared <= 0;
        default:
          return compared == 0;
      }
    }
  }

  /** The field's number, or its text read as a number, compared with {@code bound}. */
  static ValueTest compare(Comparison comparison, BigDecimal bound) {
    return new TextTest() {
      @Override
      public boolean testText(String text) {
        BigDecimal actual = Numbers.parse(text);
        return actual != null && comparison.holds(actual.compareTo(bound));
      }
    };
  }

  /**
   * {@code re}: an unanchored RE2/J search (linear time), skipped when the text lacks a literal
   * every match needs.
   */
  static ValueTest regex(Pattern pattern) {
    String literal = RegexPrefilter.requiredLiteral(pattern.pattern());
    boolean ignoreCase =
        (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 || pattern.pattern().contains("(?");
    boolean usable = literal != null && (!ignoreCase || literal.chars().allMatch(c -> c < 128));
    return new TextTest() {
      @Override
      public boolean testText(String text) {
        if (usable && !RegexPrefilter.occursIn(literal, text, ignoreCase)) {
          return false;
        }
        return pattern.matcher(text).find();
      }
    };
  }

  /** {@code cidr}: the text is an IP address inside the network. */
  static ValueTest cidr(Cidr network) {
    return new TextTest() {
      @Override
      public boolean testText(String text) {
        return network.contains(text);
      }
    };
  }

  /** A value with several alternative encodings (windash, base64offset): any one matches. */
  static ValueTest anyOf(List<ValueTest> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    ValueTest[] tests = alternatives.toArray(new ValueTest[0]);
    return new ValueTest() {
      @Override
      public boolean test(FieldValue value, EvalContext context) {
        for (ValueTest test : tests) {
          if (test.test(value, context)) {
            return true;
          }
        }
        return false;
      }

      @Override
      public boolean testText(String text) {
        for (ValueTest test : tests) {
          if (test.testText(text)) {
            return true;
          }
        }
        return false;
      }
    };
  }
}
