package io.trailhound.detect;

import io.trailhound.event.FieldValue;
import io.trailhound.rule.sigma.Modifier;
import java.util.List;

/**
 * {@code fieldref}: the value equals (or, with contains/startswith/endswith, contains, starts or
 * ends with) some value of another field of the same event. A missing other field never matches.
 */
final class FieldRefTest implements ValueTest {

  private final FieldPath other;
  private final Modifier position;
  private final boolean cased;

  FieldRefTest(FieldPath other, Modifier position, boolean cased) {
    this.other = other;
    this.position = position;
    this.cased = cased;
  }

  @Override
  public boolean test(FieldValue value, EvalContext context) {
    String text = value.text();
    if (text == null) {
      return false;
    }
    List<FieldValue> others = context.values(other);
    for (int i = 0; i < others.size(); i++) {
      String ref = others.get(i).text();
      if (ref != null && compare(text, ref)) {
        return true;
      }
    }
    return false;
  }

  private boolean compare(String text, String ref) {
    if (position == null) {
      return cased ? text.equals(ref) : text.equalsIgnoreCase(ref);
    }
    switch (position) {
      case STARTSWITH:
        return text.regionMatches(!cased, 0, ref, 0, ref.length());
      case ENDSWITH:
        int start = text.length() - ref.length();
        return start >= 0 && text.regionMatches(!cased, start, ref, 0, ref.length());
      default:
        for (int i = 0; i + ref.length() <= text.length(); i++) {
          if (text.regionMatches(!cased, i, ref, 0, ref.length())) {
            return true;
          }
        }
        return false;
    }
  }
}
