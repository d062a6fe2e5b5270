package io.trailhound.detect;

import com.google.re2j.Pattern;
import io.trailhound.rule.sigma.Cidr;
import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.Modifier;
import io.trailhound.rule.sigma.PlaceholderText;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.SigmaString;
import io.trailhound.rule.sigma.SigmaValue;
import java.util.ArrayList;
import java.util.List;

/** Compiles one field condition, applying its modifier chain once, into a {@link Matcher}. */
final class ValueCompiler {

  private static final int MAX_EXPANSION = 4096;
  private static final ValueTest NEVER = (value, context) -> false;

  private final Placeholders placeholders;
  private final PathTable paths;

  ValueCompiler(Placeholders placeholders, PathTable paths) {
    this.placeholders = placeholders;
    this.paths = paths;
  }

  Matcher compile(FieldCondition c) {
    FieldPath path = c.isKeyword() ? null : paths.of(c.field());
    if (c.has(Modifier.EXISTS)) {
      return FieldMatcher.exists(path, ((SigmaValue.Bool) c.values().get(0)).value());
    }
    List<ValueTest> groups = new ArrayList<>();
    for (SigmaValue value : c.values()) {
      groups.add(group(c, value));
    }
    FieldMatcher.Mode mode =
        c.has(Modifier.NEQ)
            ? FieldMatcher.Mode.NONE
            : c.has(Modifier.ALL) ? FieldMatcher.Mode.ALL : FieldMatcher.Mode.ANY;
    boolean missing = !c.has(Modifier.NEQ) && c.values().contains(SigmaValue.Null.INSTANCE);
    return new FieldMatcher(path, groups, mode, missing);
  }

  private ValueTest group(FieldCondition c, SigmaValue value) {
    if (value == SigmaValue.Null.INSTANCE) {
      return ValueTests.NULL;
    }
    if (value instanceof SigmaValue.Bool b) {
      return ValueTests.bool(b.value());
    }
    if (value instanceof SigmaValue.Num n) {
      ValueTests.Comparison comparison = comparison(c);
      Modifier timePart = timePart(c);
      if (timePart != null) {
        return new TimePartTest(timePart, comparison, n.decimal());
      }
      if (comparison != ValueTests.Comparison.EQ) {
        return ValueTests.compare(comparison, n.decimal());
      }
      if (!c.isKeyword()
          && c.modifiers().stream()
              .allMatch(m -> m == Modifier.NEQ || m == Modifier.ALL || m == Modifier.CASED)) {
        return ValueTests.number(n.literal(), n.decimal());
      }
      return strings(c, n.literal());
    }
    String raw = ((SigmaValue.Str) value).raw();
    if (c.has(Modifier.FIELDREF)) {
      return new FieldRefTest(paths.of(raw), position(c), c.has(Modifier.CASED));
    }
    return strings(c, raw);
  }

  private ValueTest strings(FieldCondition c, String raw) {
    List<String> raws =
        c.has(Modifier.EXPAND)
            ? PlaceholderText.expand(raw, placeholders, MAX_EXPANSION)
            : List.of(raw);
    List<ValueTest> tests = new ArrayList<>();
    for (String r : raws) {
      if (c.has(Modifier.RE)) {
        tests.add(ValueTests.regex(Pattern.compile(r, regexFlags(c))));
      } else if (c.has(Modifier.CIDR)) {
        tests.add(ValueTests.cidr(Cidr.parse(r)));
      } else {
        for (SigmaString s : Encodings.apply(c, SigmaString.parse(r), MAX_EXPANSION)) {
          tests.add(TextPattern.of(positioned(c, s), c.has(Modifier.CASED)));
        }
      }
    }
    return tests.isEmpty() ? NEVER : ValueTests.anyOf(tests);
  }

  /**
   * Adds the wildcards of contains/startswith/endswith. Keyword searches and base64offset values
   * without one of those are substring searches.
   */
  private static SigmaString positioned(FieldCondition c, SigmaString s) {
    Modifier position = position(c);
    if (position == null && (c.isKeyword() || c.has(Modifier.BASE64OFFSET))) {
      position = Modifier.CONTAINS;
    }
    if (position == null) {
      return s;
    }
    List<SigmaString.Part> parts = new ArrayList<>();
    if (position != Modifier.STARTSWITH) {
      parts.add(SigmaString.AnyRun.INSTANCE);
    }
    parts.addAll(s.parts());
    if (position != Modifier.ENDSWITH) {
      parts.add(SigmaString.AnyRun.INSTANCE);
    }
    return new SigmaString(parts);
  }

  private static Modifier position(FieldCondition c) {
    for (Modifier m : c.modifiers()) {
      if (m == Modifier.CONTAINS || m == Modifier.STARTSWITH || m == Modifier.ENDSWITH) {
        return m;
      }
    }
    return null;
  }

  private static int regexFlags(FieldCondition c) {
    int flags = 0;
    flags |= c.has(Modifier.I) ? Pattern.CASE_INSENSITIVE : 0;
    flags |= c.has(Modifier.M) ? Pattern.MULTILINE : 0;
    flags |= c.has(Modifier.S) ? Pattern.DOTALL : 0;
    return flags;
  }

  private static ValueTests.Comparison comparison(FieldCondition c) {
    for (Modifier m : c.modifiers()) {
      switch (m) {
        case GT:
          return ValueTests.Comparison.GT;
        case GTE:
          return ValueTests.Comparison.GTE;
        case LT:
          return ValueTests.Comparison.LT;
        case LTE:
          return ValueTests.Comparison.LTE;
        default:
          break;
      }
    }
    return ValueTests.Comparison.EQ;
  }

  private static Modifier timePart(FieldCondition c) {
    for (Modifier m : c.modifiers()) {
      switch (m) {
        case MINUTE:
        case HOUR:
        case DAY:
        case WEEK:
        case MONTH:
        case YEAR:
          return m;
        default:
          break;
      }
    }
    return null;
  }
}
