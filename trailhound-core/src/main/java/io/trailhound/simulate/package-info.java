/**
 * The simulator: a synthetic AWS organisation drawn from a seed ({@code org}), its benign activity
 * ({@code activity}), injected attacks ({@code scenario}), CloudTrail records in the S3 delivery
 * layout ({@code cloudtrail}) and the labels with scoring against findings ({@code truth}). Entry
 * point: {@link io.trailhound.simulate.Simulator#run}.
 */
package io.trailhound.simulate;
