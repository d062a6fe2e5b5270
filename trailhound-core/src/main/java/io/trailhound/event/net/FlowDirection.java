package io.trailhound.event.net;

/** The direction of a flow relative to the network interface it was logged on. */
public enum FlowDirection {
  INGRESS,
  EGRESS,
  /** The format has no {@code flow-direction} field; detectors infer it from the addresses. */
  UNKNOWN
}
