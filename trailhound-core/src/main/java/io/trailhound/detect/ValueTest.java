package io.trailhound.detect;

import io.trailhound.event.FieldValue;

/** Whether one value found in an event satisfies one (transformed) value of a rule. */
interface ValueTest {

  boolean test(FieldValue value, EvalContext context);

  /** The test applied to a bare text (keyword searches); false unless the test is textual. */
  default boolean testText(String text) {
    return false;
  }
}
