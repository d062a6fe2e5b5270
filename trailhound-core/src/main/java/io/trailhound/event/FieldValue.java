package io.trailhound.event;

import java.math.BigDecimal;

/**
 * One value found at a field path of an event, as JSON typed it.
 *
 * <p>Rules compare against these. A path that is absent yields no values at all; a JSON {@code
 * null} yields {@link Null}; an object or array found where a rule expected a scalar yields {@link
 * Container}, so that {@code exists} and {@code null} checks can tell "present but complex" from
 * "missing".
 */
public sealed interface FieldValue {

  /** The value as text, the way Sigma compares strings; {@code null} for null and containers. */
  String text();

  /** A JSON string. */
  record Text(String value) implements FieldValue {
    public Text {
      java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /** A JSON number, kept as the literal text it had in the log. */
  record Num(String raw) implements FieldValue {
    public Num {
      java.util.Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String text() {
      return raw;
    }

    /** The numeric value; never fails for a literal that came from a JSON parser. */
    public BigDecimal decimal() {
      return new BigDecimal(raw);
    }
  }

  /** A JSON boolean. */
  record Bool(boolean value) implements FieldValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public String text() {
      return value ? "true" : "false";
    }
  }

  /** A JSON null. */
  enum Null implements FieldValue {
    INSTANCE;

    @Override
    public String text() {
      return null;
    }
  }

  /** An object or an array present at the path (its members are reached by longer paths). */
  enum Container implements FieldValue {
    OBJECT,
    ARRAY;

    @Override
    public String text() {
      return null;
    }
  }
}
