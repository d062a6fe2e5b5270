package io.trailhound.source;

/** Why a record, or a whole input, was not turned into an event. */
public enum SkipReason {
  /** The gzip stream is damaged; records decoded before the damage were kept. */
  CORRUPT_GZIP,
  /** The input ends inside a record or before its enclosing array is closed. */
  TRUNCATED,
  /** The bytes are not valid JSON. */
  INVALID_JSON,
  /** The record contains bytes that are not UTF-8. */
  INVALID_UTF8,
  /** A required field (eventTime, eventSource, eventName) is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type, e.g. a numeric eventName or a string userIdentity. */
  WRONG_TYPE,
  /** A field has the right type but an unusable value, e.g. an unparseable eventTime. */
  INVALID_VALUE,
  /** The record is bigger than the configured maximum record size. */
  TOO_LARGE,
  /** A parser limit (nesting depth, string, number or name length) was exceeded. */
  LIMIT_EXCEEDED,
  /** The file or directory could not be opened or read. */
  UNREADABLE,
  /** The JSON is none of the accepted shapes. */
  UNKNOWN_FORMAT,
  /** A text record has more or fewer fields than its format (header or format string) names. */
  FIELD_COUNT,
  /** Event-id deduplication reached its memory cap; later duplicates were not detected. */
  DEDUPE_CAP_REACHED
}
