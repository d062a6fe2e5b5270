package io.trailhound.simulate.cloudtrail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The time formats CloudTrail and the services write. */
public final class Times {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter IAM =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FILE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-11-23T12:00:00Z}. */
  public static String iso(Instant t) {
    return ISO.format(t);
  }

  /** IAM and STS response dates: {@code Nov 23, 2026 11:36:20 AM}. */
  public static String iam(Instant t) {
    return IAM.format(t);
  }

  static String file(Instant t) {
    return FILE.format(t);
  }

  static String dayPath(Instant t) {
    return DAY.format(t);
  }
}
