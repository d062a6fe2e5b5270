/**
 * Microsoft 365 and Entra ID: Unified Audit Log records as the Office 365 Management Activity API
 * returns them (JSON arrays of records, or one per line), and Entra ID sign-ins as Microsoft Graph
 * {@code /auditLogs/signIns} returns them ({@code {"@odata.context":...,"value":[...]}} pages,
 * arrays, or one per line). Framing, format detection and bad-input handling are shared with
 * CloudTrail ({@link io.trailhound.source.cloudtrail}); this package maps one record to the common
 * view.
 */
package io.trailhound.source.m365;
