package io.trailhound.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions between Java time and the store's UTC {@code TIMESTAMP} and {@code DATE} columns. */
final class Sql {

  private Sql() {}

  /** Times are stored as UTC wall-clock timestamps (DuckDB {@code TIMESTAMP}, microseconds). */
  static LocalDateTime timestamp(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass());
  }

  static long epochMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /**
   * A date literal for SQL text; safe because a {@link LocalDate} prints only digits and dashes.
   */
  static String dateLiteral(LocalDate d) {
    return "DATE '" + d + "'";
  }
}
