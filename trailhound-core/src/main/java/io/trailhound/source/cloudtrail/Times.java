package io.trailhound.source.cloudtrail;

import java.time.Instant;
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
