/**
 * Routing of inputs by log type, and the parallel reading of network logs (VPC Flow Logs and Route
 * 53 Resolver query logs). {@link io.trailhound.source.net.LogSniffer} looks at the first bytes of
 * each file (after gunzip) and sends it to the CloudTrail reader, the flow log reader or the
 * resolver log reader; files under a {@code CloudTrail} folder of the S3 layout skip the look.
 */
package io.trailhound.source.net;
