package io.trailhound.event.net;

/** Whether a flow record carries traffic. */
public enum LogStatus {
  /** Data was logged normally. */
  OK,
  /** No traffic to or from the interface during the aggregation interval. */
  NODATA,
  /** Records were skipped during the interval (capacity or internal error). */
  SKIPDATA,
  /** The format has no {@code log-status} field. */
  UNKNOWN
}
