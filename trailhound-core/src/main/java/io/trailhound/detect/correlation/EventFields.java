package io.trailhound.detect.correlation;

import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import io.trailhound.rule.sigma.CorrelationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads group-by and aggregated values from events. */
final class EventFields {

  private EventFields() {}

  /** The first non-null scalar at {@code path} as text, or null. */
  static String first(Event event, String path) {
    for (FieldValue v : event.values(path)) {
      if (v.text() != null) {
        return v.text();
      }
    }
    return null;
  }

  /**
   * The aggregated value as text, from the fields {@code read} gives: a tuple for value_count, a
   * decimal for the numeric types.
   */
  static String value(
      CorrelationType type, List<String> fields, java.util.function.Function<String, String> read) {
    if (fields.isEmpty()) {
      return null;
    }
    if (type == CorrelationType.VALUE_COUNT) {
      List<String> parts = new ArrayList<>();
      for (String f : fields) {
        String v = read.apply(f);
        if (v == null) {
          return null;
        }
        parts.add(v);
      }
      return String.join("\u0000", parts);
    }
    String text = read.apply(fields.get(0));
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.trim()).toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
