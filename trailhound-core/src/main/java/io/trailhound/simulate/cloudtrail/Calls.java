package io.trailhound.simulate.cloudtrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link Call}s with the envelope CloudTrail writes for each kind of call: request and event
 * ids from the seeded source, TLS host per service, S3 data-event extras.
 */
public final class Calls {

  private final Ids ids;

  public Calls(Ids ids) {
    this.ids = ids;
  }

  public Ids ids() {
    return ids;
  }

  /** A management API call; IAM, STS (global), Organizations and sign-in land in us-east-1. */
  public Builder api(Caller caller, Instant t, String source, String name, String region) {
    return new Builder(caller, t, source, name, region);
  }

  /** The TLS host a client would name for the service in the region. */
  public static String host(String source, String region) {
    String service = source.substring(0, source.indexOf('.'));
    return switch (service) {
      case "iam" -> "iam.amazonaws.com";
      case "signin" -> "signin.aws.amazon.com";
      case "organizations" -> "organizations.us-east-1.amazonaws.com";
      default -> service + "." + region + ".amazonaws.com";
    };
  }

  /** Fluent assembly of one call; {@link #build} draws the ids. */
  public final class Builder {
    private final Caller caller;
    private final Instant time;
    private final String source;
    private final String name;
    private final String region;
    private String version = "1.08";
    private Body request;
    private Body response;
    private Body additional;
    private Body serviceDetails;
    private boolean readOnly;
    private String eventType = "AwsApiCall";
    private String category = "Management";
    private String account;
    private String host;
    private boolean tls = true;
    private boolean s3RequestId;
    private String errorCode;
    private String errorMessage;
    private final List<Call.Resource> resources = new ArrayList<>();

    private Builder(Caller caller, Instant t, String source, String name, String region) {
      this.caller = caller;
      this.time = t;
      this.source = source;
      this.name = name;
      this.region = region;
    }

    public Builder version(String v) {
      version = v;
      return this;
    }

    public Builder request(Body b) {
      request = b;
      return this;
    }

    public Builder response(Body b) {
      response = b;
      return this;
    }

    public Builder additional(Body b) {
      additional = b;
      return this;
    }

    public Builder serviceEventDetails(Body b) {
      serviceDetails = b;
      return this;
    }

    public Builder readOnly() {
      readOnly = true;
      return this;
    }

    public Builder eventType(String type) {
      eventType = type;
      return this;
    }

    public Builder data() {
      category = "Data";
      return this;
    }

    public Builder account(String a) {
      account = a;
      return this;
    }

    public Builder host(String h) {
      host = h;
      return this;
    }

    public Builder noTls() {
      tls = false;
      return this;
    }

    public Builder s3RequestId() {
      s3RequestId = true;
      return this;
    }

    public Builder error(String code, String message) {
      errorCode = code;
      errorMessage = message;
      return this;
    }

    public Builder resource(String arn, String resourceAccount, String type) {
      resources.add(new Call.Resource(arn, resourceAccount, type));
      return this;
    }

    public Call build() {
      String requestId = s3RequestId ? ids.upper(16) : ids.uuid();
      String eventId = ids.uuid();
      Objects.requireNonNull(account, "account");
      String tlsHost = !tls ? null : host != null ? host : Calls.host(source, region);
      return new Call(
          version,
          caller.identity(),
          time,
          source,
          name,
          region,
          caller.ip(),
          caller.userAgent(),
          errorCode,
          errorMessage,
          request,
          errorCode == null ? response : null,
          additional,
          eventType.equals("AwsConsoleSignIn") ? null : requestId,
          eventId,
          readOnly,
          resources,
          eventType,
          account,
          category,
          tlsHost,
          caller.console(),
          serviceDetails);
    }
  }
}
