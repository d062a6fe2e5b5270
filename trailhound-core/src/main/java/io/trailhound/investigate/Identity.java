package io.trailhound.investigate;

/**
 * One identity of a resolved actor.
 *
 * @param kind {@code access-key}, {@code iam-user}, {@code root}, {@code role}, {@code
 *     role-session}, {@code source-identity}, {@code email}, {@code saml-subject}, {@code
 *     web-identity}, {@code identity-center-user}, {@code idp-user}, {@code account}, {@code
 *     person-session} (an AWS role session an identity-provider user opened from a suspicious
 *     address; its key is the {@code access-key})
 * @param value the key id, ARN, name or address
 */
public record Identity(String kind, String value) {}
