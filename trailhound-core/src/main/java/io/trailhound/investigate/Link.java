package io.trailhound.investigate;

/**
 * One step of actor resolution, with the event that proves it.
 *
 * @param from the identity resolved (a key, a session)
 * @param to what it resolved to (a user, the caller that issued the session)
 * @param kind how: {@code key-of}, {@code issued-by-assume-role}, {@code issued-by-saml}, {@code
 *     issued-by-web-identity}, {@code issued-by-session-token}, {@code issued-by-federation-token},
 *     {@code session-of-role}, {@code source-identity}, {@code on-behalf-of}, {@code
 *     key-created-by}, {@code idp-sign-in}; from an identity-provider finding's person, {@code
 *     aws-session-from-sign-in-address} (a SAML, web-identity or Identity Center session named
 *     after them, opened from the address of their suspicious sign-in, at or after it) and {@code
 *     access-key-from-sign-in-address} (their IAM user's key used from that address after it); from
 *     whoever opened a shell on an EC2 instance (SSM {@code SendCommand} or {@code StartSession}),
 *     {@code shell-on-instance} to the instance's role session the shell's calls used
 * @param evidence id of the event that shows the link
 */
public record Link(String from, String to, String kind, String evidence) {}
