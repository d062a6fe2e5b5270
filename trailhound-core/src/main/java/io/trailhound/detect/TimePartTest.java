package io.trailhound.detect;

import io.trailhound.rule.sigma.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;

/**
 * The time modifiers ({@code minute} ... {@code year}): a part of an ISO-8601 timestamp, as written
 * (no time-zone conversion), compared with a number.
 */
final class TimePartTest extends TextTest {

  private final TemporalField part;
  private final ValueTests.Comparison comparison;
  private final BigDecimal bound;

  TimePartTest(Modifier part, ValueTests.Comparison comparison, BigDecimal bound) {
    this.part = field(part);
    this.comparison = comparison;
    this.bound = bound;
  }

  private static TemporalField field(Modifier part) {
    switch (part) {
      case MINUTE:
        return ChronoField.MINUTE_OF_HOUR;
      case HOUR:
        return ChronoField.HOUR_OF_DAY;
      case DAY:
        return ChronoField.DAY_OF_MONTH;
      case WEEK:
        return IsoFields.WEEK_OF_WEEK_BASED_YEAR;
      case MONTH:
        return ChronoField.MONTH_OF_YEAR;
      default:
        return ChronoField.YEAR;
    }
  }

  @Override
  public boolean testText(String text) {
    TemporalAccessor time = parse(text);
    if (time == null || !time.isSupported(part)) {
      return false;
    }
    return comparison.holds(BigDecimal.valueOf(time.getLong(part)).compareTo(bound));
  }

  private static TemporalAccessor parse(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }
}
