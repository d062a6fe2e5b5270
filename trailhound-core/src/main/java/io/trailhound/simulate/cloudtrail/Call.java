package io.trailhound.simulate.cloudtrail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One CloudTrail record before serialisation. Built by background activity and scenarios, written
 * once by {@link RecordWriter}; {@code eventId} is fixed at build time so ground truth can name it.
 *
 * @param account the account whose trail receives the record ({@code recipientAccountId})
 * @param eventType {@code AwsApiCall}, {@code AwsServiceEvent}, {@code AwsConsoleSignIn}
 * @param category {@code Management} or {@code Data}
 * @param host TLS host header, or null when no TLS details are written (AWS-internal callers)
 * @param console true when console credentials made the call ({@code sessionCredentialFromConsole})
 */
public record Call(
    String eventVersion,
    Identity identity,
    Instant time,
    String source,
    String name,
    String region,
    String sourceIp,
    String userAgent,
    String errorCode,
    String errorMessage,
    Body request,
    Body response,
    Body additional,
    String requestId,
    String eventId,
    boolean readOnly,
    List<Resource> resources,
    String eventType,
    String account,
    String category,
    String host,
    boolean console,
    Body serviceEventDetails) {

  public Call {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(eventId, "eventId");
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** An entry of {@code resources[]}. */
  public record Resource(String arn, String account, String type) {}

  /** The same call failing with an error (the response is dropped, as CloudTrail does). */
  public Call failing(String code, String message) {
    return new Call(
        eventVersion,
        identity,
        time,
        source,
        name,
        region,
        sourceIp,
        userAgent,
        code,
        message,
        request,
        null,
        additional,
        requestId,
        eventId,
        readOnly,
        resources,
        eventType,
        account,
        category,
        host,
        console,
        serviceEventDetails);
  }
}
