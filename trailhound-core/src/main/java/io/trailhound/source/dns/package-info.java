/**
 * Route 53 Resolver query logs: one JSON object per query, as JSON lines (S3, Firehose) or inside a
 * CloudWatch Logs export. A line that is not JSON, or a query without {@code query_name} or a
 * readable {@code query_timestamp}, is a counted skip; the rest is still read.
 */
package io.trailhound.source.dns;
