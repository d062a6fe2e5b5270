package io.trailhound.event;

/**
 * A resource an event touched.
 *
 * @param arn ARN (or the best identifier the source gave)
 * @param type type such as {@code AWS::IAM::Role}; may be null
 * @param account owning account; may be null
 */
public record Resource(String arn, String type, String account) {}
