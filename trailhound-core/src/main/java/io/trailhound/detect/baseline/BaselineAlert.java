package io.trailhound.detect.baseline;

import java.time.Instant;
import java.util.List;

/**
 * One baseline anomaly, before it becomes a finding.
 *
 * @param detectorId the detector (metadata file id) that reports it
 * @param kind which profile noticed it
 * @param actorId the profile's id (key, principal ARN or role ARN)
 * @param subject what is new or unusual (a country, an API category, an address, an hour), part of
 *     the finding's identity
 * @param sighting the first event showing it
 * @param evidence ids of the events that show it, earliest first
 * @param firstSeen earliest evidence time
 * @param lastSeen latest evidence time (as far as known)
 * @param eventCount events that show it
 * @param explanation why, in words and numbers from the evidence
 */
public record BaselineAlert(
    String detectorId,
    ActorKind kind,
    String actorId,
    String subject,
    Sighting sighting,
    List<String> evidence,
    Instant firstSeen,
    Instant lastSeen,
    long eventCount,
    String explanation) {

  public BaselineAlert {
    evidence = List.copyOf(evidence);
  }
}
