package io.trailhound.detect.correlation;

import io.trailhound.event.EventView;

/**
 * Reads group-by and aggregated fields from a normalised view, for detector findings: they carry
 * the view of their triggering event, not its raw record. The CloudTrail paths a chain groups by
 * map to the view's fields; any other path reads as absent (the match is then counted unusable).
 */
final class ViewFields {

  private ViewFields() {}

  /** The value of CloudTrail path {@code path} in {@code v}, or null. */
  static String first(EventView v, String path) {
    return switch (path) {
      case "userIdentity.arn" -> v.actor().principalArn();
      case "userIdentity.type" -> v.actor().type();
      case "userIdentity.accessKeyId" -> v.actor().accessKeyId();
      case "userIdentity.accountId" -> v.actor().account();
      case "userIdentity.principalId" -> v.actor().principalId();
      case "userIdentity.userName" -> v.actor().userName();
      case "userIdentity.sessionContext.sessionIssuer.arn" -> v.actor().sessionIssuerArn();
      case "sourceIPAddress" -> v.source().ip();
      case "userAgent" -> v.source().userAgent();
      case "recipientAccountId" -> v.account();
      case "awsRegion" -> v.region();
      case "eventSource" -> v.service();
      case "eventName" -> v.api();
      case "eventID" -> v.eventId();
      default -> null;
    };
  }
}
