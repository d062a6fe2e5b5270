/**
 * Network records: VPC Flow Log records and Route 53 Resolver queries, the non-CloudTrail inputs of
 * the network detectors. IPv4 addresses are kept as numbers (a flow log line parses without
 * allocating a string per address); IPv6 addresses are kept as text.
 */
package io.trailhound.event.net;
