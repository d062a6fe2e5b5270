package io.trailhound.source.cloudtrail;

import io.trailhound.source.SkipReason;

/** A record that cannot become an event; carries the skip reason and a short detail. */
final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  RecordException(SkipReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  SkipReason reason() {
    return reason;
  }
}
