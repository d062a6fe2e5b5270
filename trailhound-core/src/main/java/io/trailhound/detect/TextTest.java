package io.trailhound.detect;

import io.trailhound.event.FieldValue;

/** A test on the text of a value: strings, numbers and booleans by their JSON text. */
abstract class TextTest implements ValueTest {

  @Override
  public final boolean test(FieldValue value, EvalContext context) {
    String text = value.text();
    return text != null && testText(text);
  }

  @Override
  public abstract boolean testText(String text);
}
