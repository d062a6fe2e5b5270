package io.trailhound.detect.baseline;

import java.time.Duration;

/**
 * The baselines' tunables; defaults come from the detectors' metadata files.
 *
 * @param learning how long after an actor's first event nothing it does is reported
 * @param deniedThreshold denied calls by one actor within {@code deniedWindow} that make a burst
 * @param deniedWindow the burst window
 * @param enumerationMinDistinct distinct discovery APIs in one clock hour below which nothing is
 *     unusual
 * @param enumerationFactor how many times the actor's busiest earlier hour an hour must exceed
 * @param travelSpeedKmh speed between consecutive sign-ins above which travel is impossible
 * @param travelToleranceKm subtracted from every distance (country centres are approximate)
 * @param ownAddressWindow how long after an instance's first call its addresses count as its own
 * @param awsRanges AWS's address ranges, or null to use the heuristic
 */
public record BaselineConfig(
    Duration learning,
    int deniedThreshold,
    Duration deniedWindow,
    int enumerationMinDistinct,
    double enumerationFactor,
    double travelSpeedKmh,
    double travelToleranceKm,
    Duration ownAddressWindow,
    AwsIpRanges awsRanges) {

  /** The defaults the metadata files ship with. */
  public static BaselineConfig defaults() {
    return new BaselineConfig(
        Duration.ofDays(7),
        10,
        Duration.ofMinutes(10),
        20,
        3.0,
        1000,
        500,
        Duration.ofHours(1),
        null);
  }

  public BaselineConfig withLearning(Duration d) {
    return new BaselineConfig(
        d,
        deniedThreshold,
        deniedWindow,
        enumerationMinDistinct,
        enumerationFactor,
        travelSpeedKmh,
        travelToleranceKm,
        ownAddressWindow,
        awsRanges);
  }

  public BaselineConfig withAwsRanges(AwsIpRanges ranges) {
    return new BaselineConfig(
        learning,
        deniedThreshold,
        deniedWindow,
        enumerationMinDistinct,
        enumerationFactor,
        travelSpeedKmh,
        travelToleranceKm,
        ownAddressWindow,
        ranges);
  }
}
