/**
 * Network logs of the simulated organisation: VPC Flow Logs and Route 53 Resolver query logs of its
 * instances (and of instances an attack launched), in the S3 delivery layout.
 */
package io.trailhound.simulate.network;
