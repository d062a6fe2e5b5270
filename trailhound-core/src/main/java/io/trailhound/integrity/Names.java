package io.trailhound.integrity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudTrail's object keys and file names (formats.md §1.3). */
final class Names {

  private static final Pattern DIGEST =
      Pattern.compile(
          "(\\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_([a-z0-9-]+)_(\\d{8}T\\d{6}Z)\\.json(\\.gz)?");
  private static final Pattern LOG =
      Pattern.compile("(\\d{12})_CloudTrail_([a-z0-9-]+)_(\\d{8}T\\d{4}Z)_[^/]+");
  private static final DateTimeFormatter DIGEST_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", java.util.Locale.ROOT);
  private static final DateTimeFormatter LOG_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", java.util.Locale.ROOT);
  private static final String AWSLOGS = "AWSLogs/";

  private Names() {}

  /**
   * What a digest's file name says.
   *
   * @param account account id
   * @param region region the digest covers
   * @param trail trail name
   * @param homeRegion the trail's home region
   * @param end the digest's end time (to the second)
   */
  record DigestName(String account, String region, String trail, String homeRegion, Instant end) {}

  /**
   * What a log file's name says.
   *
   * @param account account id
   * @param region region
   * @param time delivery time to the minute
   */
  record LogName(String account, String region, Instant time) {}

  static Optional<DigestName> digest(String keyOrName) {
    Matcher m = DIGEST.matcher(fileName(keyOrName));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant end = LocalDateTime.parse(m.group(5), DIGEST_STAMP).toInstant(ZoneOffset.UTC);
      return Optional.of(new DigestName(m.group(1), m.group(2), m.group(3), m.group(4), end));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<LogName> log(String keyOrName) {
    Matcher m = LOG.matcher(fileName(keyOrName));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant t = LocalDateTime.parse(m.group(3), LOG_STAMP).toInstant(ZoneOffset.UTC);
      return Optional.of(new LogName(m.group(1), m.group(2), t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The part of an S3 object key or a local path (with {@code /} separators) from the last {@code
   * AWSLogs/} on, so that a digest's {@code s3Object} and a file under any local folder meet on the
   * same key whatever bucket prefix or download folder came before.
   */
  static String key(String keyOrPath) {
    String s = keyOrPath.replace('\\', '/');
    if (s.startsWith(AWSLOGS)) {
      return s;
    }
    int i = s.lastIndexOf('/' + AWSLOGS);
    return i < 0 ? s : s.substring(i + 1);
  }

  static String digestStamp(Instant t) {
    return DIGEST_STAMP.format(t.atOffset(ZoneOffset.UTC));
  }

  private static String fileName(String keyOrName) {
    String s = keyOrName.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
