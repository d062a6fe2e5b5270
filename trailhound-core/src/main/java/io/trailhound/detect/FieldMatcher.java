package io.trailhound.detect;

import io.trailhound.event.FieldValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One compiled field condition. Each group is one rule value (with its alternative encodings);
 * groups are ORed, or ANDed with {@code all}, and each group may be met by any of the field's
 * values (arrays are OR across elements). A missing field matches only {@code null} and {@code
 * exists: false}.
 */
final class FieldMatcher implements Matcher {

  enum Mode {
    ANY,
    ALL,
    NONE
  }

  /** Below this many plain values a list is tested value by value. */
  static final int MIN_INDEXED = 4;

  private final FieldPath path;
  private final ValueTest[] groups;
  private final Mode mode;
  private final boolean matchesMissing;

  /**
   * With {@code any} or {@code none} over a long list, the values that are plain case-insensitive
   * ASCII equalities, looked up at once (SigmaHQ's enumeration rules list dozens of API names);
   * {@link #equalities} tests them one by one for non-ASCII text. Null when not worth it.
   */
  private final FoldedIndex<Boolean> equalitySet;

  private final TextPattern[] equalities;

  /**
   * Recent outcomes by the field's text, when the outcome is a function of the text alone (every
   * test a {@link TextTest}): the same substring, wildcard or regex search over the same text gives
   * the same answer. Null when not memoised.
   */
  private final RecentByText<Boolean> memo;

  private static final int MEMO_SLOTS = 64;

  /**
   * @param path the field; null for a keyword search over every text of the event
   * @param matchesMissing whether an absent field satisfies the condition
   */
  FieldMatcher(FieldPath path, List<ValueTest> groups, Mode mode, boolean matchesMissing) {
    this.path = path;
    this.mode = mode;
    this.matchesMissing = matchesMissing;
    List<TextPattern> plain = new ArrayList<>();
    List<ValueTest> rest = new ArrayList<>();
    for (ValueTest g : groups) {
      if (g instanceof TextPattern t && t.asciiEquality() != null) {
        plain.add(t);
      } else {
        rest.add(g);
      }
    }
    if (path != null && mode != Mode.ALL && plain.size() >= MIN_INDEXED) {
      Map<String, Boolean> set = new HashMap<>();
      plain.forEach(t -> set.put(t.asciiEquality(), Boolean.TRUE));
      this.equalitySet = new FoldedIndex<>(set);
      this.equalities = plain.toArray(new TextPattern[0]);
      this.groups = rest.toArray(new ValueTest[0]);
    } else {
      this.equalitySet = null;
      this.equalities = null;
      this.groups = groups.toArray(new ValueTest[0]);
    }
    this.memo = path != null && worthMemoising(groups) ? new RecentByText<>(MEMO_SLOTS) : null;
  }

  /**
   * True when every test reads only the text. Even a lone equality is worth it: most field texts
   * come from the reader's cache of repeated values, with their hash computed, and a case-blind
   * compare walks every character.
   */
  private static boolean worthMemoising(List<ValueTest> groups) {
    for (ValueTest g : groups) {
      if (!(g instanceof TextTest)) {
        return false;
      }
    }
    return !groups.isEmpty();
  }

  /** {@code exists: true} or {@code exists: false}. */
  static Matcher exists(FieldPath path, boolean expected) {
    return context -> context.values(path).isEmpty() != expected;
  }

  FieldPath path() {
    return path;
  }

  @Override
  public boolean matches(EvalContext context) {
    if (path == null) {
      return keywords(context.texts());
    }
    List<FieldValue> values = context.values(path);
    if (values.isEmpty()) {
      return matchesMissing;
    }
    if (groups.length == 0 && equalitySet == null) {
      return false;
    }
    if (memo != null && values.size() == 1) {
      String text = values.get(0).text();
      if (text != null) {
        Boolean known = memo.get(text);
        if (known != null) {
          return known;
        }
        boolean result = test(values, context);
        memo.put(text, result);
        return result;
      }
    }
    return test(values, context);
  }

  private boolean test(List<FieldValue> values, EvalContext context) {
    switch (mode) {
      case ALL:
        for (ValueTest group : groups) {
          if (!anyValue(group, values, context)) {
            return false;
          }
        }
        return true;
      case NONE:
        if (equalitySet != null && anyEqual(values)) {
          return false;
        }
        for (ValueTest group : groups) {
          if (anyValue(group, values, context)) {
            return false;
          }
        }
        return true;
      default:
        if (equalitySet != null && anyEqual(values)) {
          return true;
        }
        for (ValueTest group : groups) {
          if (anyValue(group, values, context)) {
            return true;
          }
        }
        return false;
    }
  }

  /** Whether some value equals one of {@link #equalities}, ignoring case. */
  private boolean anyEqual(List<FieldValue> values) {
    for (int i = 0, n = values.size(); i < n; i++) {
      String text = values.get(i).text();
      if (text == null) {
        continue;
      }
      if (TextPattern.ascii(text)) {
        if (equalitySet.get(text) != null) {
          return true;
        }
      } else {
        for (TextPattern t : equalities) {
          if (t.testText(text)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean anyValue(ValueTest test, List<FieldValue> values, EvalContext context) {
    for (int i = 0, n = values.size(); i < n; i++) {
      if (test.test(values.get(i), context)) {
        return true;
      }
    }
    return false;
  }

  private boolean keywords(List<String> texts) {
    if (groups.length == 0) {
      return false;
    }
    for (ValueTest group : groups) {
      boolean found = false;
      for (int i = 0, n = texts.size(); i < n && !found; i++) {
        found = group.testText(texts.get(i));
      }
      if (found && mode != Mode.ALL) {
        return true;
      }
      if (!found && mode == Mode.ALL) {
        return false;
      }
    }
    return mode == Mode.ALL;
  }
}
