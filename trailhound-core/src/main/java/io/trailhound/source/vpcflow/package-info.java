/**
 * VPC Flow Logs: records of versions 2 to 5 and the newer fields, in the default or any custom
 * format. The format is read from the header line of S3-delivered text files, else taken from the
 * user ({@code ${version} ${account-id} ...}), else assumed to be the version-2 default. Lines are
 * parsed by byte offsets into {@link io.trailhound.event.net.FlowRecord}s: numbers and IPv4
 * addresses never become strings, and repeated ids (interfaces, instances, accounts) are shared.
 * CloudWatch Logs exports (JSON with a {@code message} per log event) are read too. A line whose
 * field count differs from the format, or with a non-numeric port, an impossible address or an
 * unknown action, is a counted skip; the rest of the file is still read.
 */
package io.trailhound.source.vpcflow;
