package io.trailhound.source.cloudtrail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Event times: ISO-8601 instants ({@code 2021-12-02T22:11:24Z}, with fractions or an offset), and
 * the zone-less {@code 2023-01-22 16:53:53.000} that CloudTrail Lake query results use, read as
 * UTC.
 */
final class Times {

  private Times() {}

  /** The instant, or null when the text is none of the accepted forms. */
  static Instant parse(String text) {
    if (text.length() < 19 || text.length() > 40) {
      return null;
    }
    Instant fast = plainUtc(text);
    if (fast != null) {
      return fast;
    }
    return general(text);
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SSZ}, the form CloudTrail writes, without the formatter machinery; null
   * for anything else (including the leap second and 24:00, which the general parser handles), so
   * the answer is always the one {@link Instant#parse} gives.
   */
  static Instant plainUtc(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    int length =
        month == 2
            ? (leap ? 29 : 28)
            : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    if (day > length) {
      return null;
    }
    return Instant.ofEpochSecond(
        epochDay(year, month, day, leap) * 86_400 + hour * 3600 + minute * 60 + second);
  }

  /**
   * Days from 1970-01-01 to a valid date of a year from 0 to 9999: {@link LocalDate#toEpochDay}'s
   * arithmetic, without building the date.
   */
  private static long epochDay(long year, int month, int day, boolean leap) {
    long total = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    total += (367 * month - 362) / 12 + day - 1;
    if (month > 2) {
      total -= leap ? 1 : 2;
    }
    return total - DAYS_0000_TO_1970;
  }

  /** {@code LocalDate}'s days from year 0 to 1970. */
  private static final long DAYS_0000_TO_1970 = (146097 * 5L) - (30L * 365L + 7L);

  /** The ASCII decimal number in {@code [from, to)}, or -1 when a character is not a digit. */
  private static int digits(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      int d = t.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }

  private static Instant general(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
