package io.trailhound.event.net;

/** The security-group or network-ACL decision on a flow. */
public enum FlowAction {
  ACCEPT,
  REJECT,
  /** {@code -}: a NODATA or SKIPDATA record, or a custom format without {@code action}. */
  NONE
}
