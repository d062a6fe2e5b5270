package io.trailhound.detect;

import io.trailhound.event.FieldValue;
import java.util.List;

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

  private final FieldPath path;
  private final ValueTest[] groups;
  private final Mode mode;
  private final boolean matchesMissing;

  /**
   * @param path the field; null for a keyword search over every text of the event
   * @param matchesMissing whether an absent field satisfies the condition
   */
  FieldMatcher(FieldPath path, List<ValueTest> groups, Mode mode, boolean matchesMissing) {
    this.path = path;
    this.groups = groups.toArray(new ValueTest[0]);
    this.mode = mode;
    this.matchesMissing = matchesMissing;
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
    if (groups.length == 0) {
      return false;
    }
    switch (mode) {
      case ALL:
        for (ValueTest group : groups) {
          if (!anyValue(group, values, context)) {
            return false;
          }
        }
        return true;
      case NONE:
        for (ValueTest group : groups) {
          if (anyValue(group, values, context)) {
            return false;
          }
        }
        return true;
      default:
        for (ValueTest group : groups) {
          if (anyValue(group, values, context)) {
            return true;
          }
        }
        return false;
    }
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
