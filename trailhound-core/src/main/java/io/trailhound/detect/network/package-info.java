/**
 * Network detectors over VPC Flow Log records and Route 53 Resolver queries, named after the
 * GuardDuty finding types they reproduce. Each keeps keyed state in event-time windows (fixed,
 * epoch-aligned, so results do not depend on the order files are read in), bounded by sketches
 * (Apache DataSketches HLL for distinct ports, hosts and subdomains) and by caps on tracked keys,
 * and reports {@link io.trailhound.detect.network.NetworkAlert}s with an explanation built from the
 * numbers it counted. Threat-intel lists come in through {@link
 * io.trailhound.detect.network.IpReputation} and {@link
 * io.trailhound.detect.network.DomainReputation}.
 */
package io.trailhound.detect.network;
