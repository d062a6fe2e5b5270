package io.trailhound.investigate;

import java.time.Instant;
import java.util.List;

/**
 * One event of an investigation's timeline, mapped to ATT&amp;CK.
 *
 * @param time event time
 * @param eventId evidence event id
 * @param account account that recorded it
 * @param region region
 * @param service e.g. {@code iam.amazonaws.com}
 * @param api operation
 * @param principal caller ARN
 * @param accessKeyId key that signed it
 * @param ip caller address
 * @param userAgent client string (attacker-controlled: escape before display)
 * @param errorCode null when the call succeeded
 * @param tactic ATT&amp;CK tactic ({@code privilege-escalation}), {@code other} when unmapped
 * @param technique ATT&amp;CK technique id, may be empty
 * @param resources resources it names
 * @param bytesOut bytes transferred out, 0 when not logged
 * @param rules rules of the findings under investigation that matched this event
 */
public record Step(
    Instant time,
    String eventId,
    String account,
    String region,
    String service,
    String api,
    String principal,
    String accessKeyId,
    String ip,
    String userAgent,
    String errorCode,
    String tactic,
    String technique,
    List<String> resources,
    long bytesOut,
    List<String> rules) {

  public Step {
    resources = List.copyOf(resources);
    rules = List.copyOf(rules);
  }
}
