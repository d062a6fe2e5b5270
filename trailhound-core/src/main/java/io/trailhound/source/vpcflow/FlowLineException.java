package io.trailhound.source.vpcflow;

import io.trailhound.source.SkipReason;

/** A line that is not a record of its format: why, in words that name the field. */
final class FlowLineException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  FlowLineException(SkipReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  SkipReason reason() {
    return reason;
  }
}
