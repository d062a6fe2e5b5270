package io.trailhound.rule.sigma;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Checks that a field condition's modifier chain and values make sense together. */
final class ModifierCheck {

  private static final Set<Modifier> MATCH_POSITION =
      EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH);
  private static final Set<Modifier> STRING_ONLY =
      EnumSet.of(
          Modifier.WINDASH,
          Modifier.RE,
          Modifier.BASE64,
          Modifier.BASE64OFFSET,
          Modifier.UTF16LE,
          Modifier.UTF16BE,
          Modifier.UTF16,
          Modifier.WIDE,
          Modifier.CIDR,
          Modifier.EXPAND,
          Modifier.FIELDREF);

  private final Problems problems;
  private final Node key;
  private final Node value;

  ModifierCheck(Problems problems, Node key, Node value) {
    this.problems = problems;
    this.key = key;
    this.value = value;
  }

  void check(FieldCondition c) {
    List<Modifier> mods = c.modifiers();
    for (int i = 0; i < mods.size(); i++) {
      if (mods.indexOf(mods.get(i)) != i) {
        problems.error(key, "modifier '" + mods.get(i).token() + "' is given twice");
        return;
      }
    }
    long positions = mods.stream().filter(MATCH_POSITION::contains).count();
    long comparisons = mods.stream().filter(Modifier::isComparison).count();
    if (positions > 1) {
      problems.error(key, "only one of contains, startswith and endswith may be given");
    }
    if (comparisons > 1) {
      problems.error(key, "only one of lt, lte, gt and gte may be given");
    }
    if (mods.stream().filter(Modifier::isTimePart).count() > 1) {
      problems.error(key, "only one time part (minute, hour, ...) may be given");
    }
    if (mods.stream().anyMatch(Modifier::isRegexFlag) && !c.has(Modifier.RE)) {
      problems.error(key, "regular expression flags i, m and s need the 're' modifier");
    }
    if (c.has(Modifier.BASE64) && c.has(Modifier.BASE64OFFSET)) {
      problems.error(key, "only one of base64 and base64offset may be given");
    }
    if (c.isKeyword()) {
      for (Modifier m :
          List.of(Modifier.EXISTS, Modifier.FIELDREF, Modifier.NEQ, Modifier.CIDR, Modifier.LT)) {
        if (c.has(m)) {
          problems.error(key, "modifier '" + m.token() + "' needs a field name");
        }
      }
    }
    exclusive(c, Modifier.EXISTS, EnumSet.noneOf(Modifier.class));
    exclusive(
        c,
        Modifier.RE,
        EnumSet.of(
            Modifier.I,
            Modifier.M,
            Modifier.S,
            Modifier.ALL,
            Modifier.NEQ,
            Modifier.CASED,
            Modifier.EXPAND));
    exclusive(c, Modifier.CIDR, EnumSet.of(Modifier.ALL, Modifier.NEQ, Modifier.EXPAND));
    exclusive(
        c,
        Modifier.FIELDREF,
        EnumSet.of(
            Modifier.ALL,
            Modifier.NEQ,
            Modifier.CASED,
            Modifier.CONTAINS,
            Modifier.STARTSWITH,
            Modifier.ENDSWITH));
    values(c);
  }

  /** {@code modifier} combines only with {@code allowed}. */
  private void exclusive(FieldCondition c, Modifier modifier, Set<Modifier> allowed) {
    if (!c.has(modifier)) {
      return;
    }
    for (Modifier other : c.modifiers()) {
      if (other != modifier && !allowed.contains(other)) {
        problems.error(
            key,
            "modifier '" + other.token() + "' cannot be combined with '" + modifier.token() + "'");
      }
    }
  }

  private void values(FieldCondition c) {
    List<SigmaValue> values = c.values();
    if (c.has(Modifier.ALL) && values.size() == 1) {
      problems.warning(key, "'all' on a single value has no effect");
    }
    if (values.size() > 1 && values.contains(SigmaValue.Null.INSTANCE)) {
      problems.error(value, "null cannot be part of a list of values; use a separate search");
      return;
    }
    if (c.has(Modifier.EXISTS)) {
      if (values.size() != 1 || !(values.get(0) instanceof SigmaValue.Bool)) {
        problems.error(value, "'exists' takes a single true or false");
      }
      return;
    }
    boolean numeric = c.modifiers().stream().anyMatch(m -> m.isComparison() || m.isTimePart());
    for (SigmaValue v : values) {
      if (v == SigmaValue.Null.INSTANCE && !c.modifiers().isEmpty() && !c.has(Modifier.CASED)) {
        problems.error(value, "null cannot be used with modifiers");
      } else if (numeric) {
        if (!(v instanceof SigmaValue.Num n) || n.decimal() == null) {
          problems.error(value, "numeric modifiers need a number, not " + describe(v));
        }
      } else if (v instanceof SigmaValue.Bool && !c.modifiers().isEmpty()) {
        problems.error(value, "modifiers cannot be applied to the boolean " + describe(v));
      } else if (v instanceof SigmaValue.Str s) {
        string(c, s.raw());
      } else if (c.modifiers().stream().anyMatch(STRING_ONLY::contains)) {
        problems.error(value, "these modifiers need string values, not " + describe(v));
      }
    }
  }

  /** Checks a string value; values with placeholders are checked once expanded, when compiled. */
  private void string(FieldCondition c, String raw) {
    boolean expanded = c.has(Modifier.EXPAND) && !PlaceholderText.names(raw).isEmpty();
    if (c.has(Modifier.RE) && !expanded) {
      int flags = 0;
      flags |= c.has(Modifier.I) ? Pattern.CASE_INSENSITIVE : 0;
      flags |= c.has(Modifier.M) ? Pattern.MULTILINE : 0;
      flags |= c.has(Modifier.S) ? Pattern.DOTALL : 0;
      try {
        Pattern.compile(raw, flags);
      } catch (PatternSyntaxException e) {
        problems.error(value, "invalid regular expression '" + raw + "': " + e.getDescription());
      }
    }
    if (c.has(Modifier.CIDR) && !expanded) {
      try {
        Cidr.parse(raw);
      } catch (IllegalArgumentException e) {
        problems.error(value, "invalid CIDR '" + raw + "': " + e.getMessage());
      }
    }
    if (c.has(Modifier.EXPAND) && PlaceholderText.names(raw).isEmpty()) {
      problems.warning(value, "'expand' on '" + raw + "', which has no %placeholder%");
    }
    if (c.has(Modifier.FIELDREF) && raw.isEmpty()) {
      problems.error(value, "'fieldref' needs a field name");
    }
  }

  private static String describe(SigmaValue v) {
    if (v instanceof SigmaValue.Str s) {
      return "'" + s.raw() + "'";
    }
    if (v instanceof SigmaValue.Num n) {
      return n.literal();
    }
    if (v instanceof SigmaValue.Bool b) {
      return String.valueOf(b.value());
    }
    return "null";
  }
}
