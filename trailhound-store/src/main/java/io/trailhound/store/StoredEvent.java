package io.trailhound.store;

import java.time.Instant;

/**
 * An event read back from the store: the columns an analyst scans a timeline by, and the raw JSON.
 *
 * @param eventId the source's event id
 * @param time event time
 * @param account recording account
 * @param region AWS region
 * @param eventSource service endpoint, e.g. {@code iam.amazonaws.com}
 * @param eventName API, e.g. {@code CreateAccessKey}
 * @param errorCode error code, null on success
 * @param actorArn principal ARN
 * @param accessKeyId signing access key
 * @param sessionIssuerArn issuing role or user of temporary credentials
 * @param sessionName role session name
 * @param sourceIp caller address
 * @param userAgent caller user agent (attacker-controlled: escape before display)
 * @param raw the record's JSON exactly as read
 */
public record StoredEvent(
    String eventId,
    Instant time,
    String account,
    String region,
    String eventSource,
    String eventName,
    String errorCode,
    String actorArn,
    String accessKeyId,
    String sessionIssuerArn,
    String sessionName,
    String sourceIp,
    String userAgent,
    String raw) {}
