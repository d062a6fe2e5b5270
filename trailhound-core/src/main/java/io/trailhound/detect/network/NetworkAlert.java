package io.trailhound.detect.network;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a network detector found, before it becomes a finding.
 *
 * @param detectorId id of the detector metadata file ({@code net-port-scan})
 * @param type the GuardDuty-style finding type, or empty when GuardDuty has none
 * @param level severity when it differs from the detector's level ({@code low} … {@code critical}),
 *     else null
 * @param account account of the interface or VPC
 * @param region region, when the log says
 * @param actor who did it: {@code i-0abc (eni-0def)}, or an address
 * @param instanceId the instance involved, when known
 * @param interfaceId the network interface involved, when known
 * @param remotes remote addresses or domains involved (a few, smallest first)
 * @param firstSeen start of the earliest evidence
 * @param lastSeen end of the latest evidence
 * @param count records or queries counted as evidence
 * @param window start of the window the alert belongs to (part of its identity)
 * @param explanation why, in words and numbers from the evidence
 */
public record NetworkAlert(
    String detectorId,
    String type,
    String level,
    String account,
    String region,
    String actor,
    String instanceId,
    String interfaceId,
    List<String> remotes,
    Instant firstSeen,
    Instant lastSeen,
    long count,
    Instant window,
    String explanation) {

  public NetworkAlert {
    Objects.requireNonNull(detectorId, "detectorId");
    type = type == null ? "" : type;
    remotes = List.copyOf(remotes);
  }

  /** What makes two alerts the same: detector, type, actor and window. */
  public String key() {
    return String.join("|", detectorId, type, actor, window.toString());
  }
}
