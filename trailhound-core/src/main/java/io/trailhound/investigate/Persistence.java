package io.trailhound.investigate;

import java.time.Instant;

/**
 * A foothold the actor left behind.
 *
 * @param kind {@code iam-user}, {@code access-key}, {@code login-profile}, {@code role-trust},
 *     {@code policy-version}, {@code permission-grant}, {@code lambda}, {@code instance-user-data},
 *     {@code identity-provider}
 * @param target what it is (user ARN, key id, role ARN, ...)
 * @param detail a few words: the external principal trusted, the policy attached
 * @param eventId the event that created it
 * @param time when
 * @param stillPresent true when no later event removed it before the end of the data
 * @param removedBy the event that removed it, or null
 */
public record Persistence(
    String kind,
    String target,
    String detail,
    String eventId,
    Instant time,
    boolean stillPresent,
    String removedBy) {}
