package io.trailhound.source;

import java.util.Objects;

/**
 * A record that cannot become an event or a finding, with the reason it is counted under. Thrown by
 * the normalisers of every log type; the reader turns it into a {@link Skip} with the location.
 */
public final class RecordRejected extends Exception {

  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  /**
   * @param reason the skip reason
   * @param detail what is wrong, never the record's content (it may carry secrets)
   */
  public RecordRejected(SkipReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SkipReason reason() {
    return reason;
  }
}
