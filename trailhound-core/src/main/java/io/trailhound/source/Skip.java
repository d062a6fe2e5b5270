package io.trailhound.source;

import java.util.Objects;

/**
 * One thing that was not read: why, where and a short detail. The detail never holds the record
 * itself (records may carry secrets); it names the problem.
 *
 * @param reason why it was skipped
 * @param location file path as given, or {@code -} for standard input
 * @param record zero-based record index within the location, or {@code -1} for the whole input
 * @param detail a short human-readable explanation, at most {@value #MAX_DETAIL} characters
 */
public record Skip(SkipReason reason, String location, long record, String detail) {

  public static final int MAX_DETAIL = 200;

  public Skip {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
    detail = detail == null ? "" : detail;
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 3) + "...";
    }
  }

  @Override
  public String toString() {
    return reason + " " + location + (record >= 0 ? "#" + record : "") + ": " + detail;
  }
}
