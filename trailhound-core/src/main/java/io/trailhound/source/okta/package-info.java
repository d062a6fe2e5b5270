/**
 * Okta System Log: {@code LogEvent}s as {@code /api/v1/logs} returns them (a JSON array per page,
 * or one event per line), and as Okta's EventBridge log stream delivers them ({@code detail-type:
 * SystemLog}, the event in {@code detail}). Framing, format detection and bad-input handling are
 * shared with CloudTrail ({@link io.trailhound.source.cloudtrail}); this package maps one event to
 * the common view.
 */
package io.trailhound.source.okta;
