package io.trailhound.scan;

import io.trailhound.detect.baseline.AwsIpRanges;
import io.trailhound.detect.baseline.BaselineAlert;
import io.trailhound.detect.baseline.BaselineConfig;
import io.trailhound.detect.baseline.BaselineDetector;
import io.trailhound.detect.baseline.ProfileStore;
import io.trailhound.enrich.IpEnricher;
import io.trailhound.event.Event;
import io.trailhound.finding.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The behaviour baselines as a scan stage: every event feeds the {@link BaselineDetector}; at the
 * end its anomalies become findings labelled from the {@code th-baseline-*} metadata files.
 * Tunables default to the metadata files' {@code parameters}.
 */
public final class BaselineStage implements ScanStage {

  /** The metadata file whose parameters hold the learning period and the memory caps. */
  static final String LOCATION = "th-baseline-unusual-location";

  private final BaselineDetector detector;

  private BaselineStage(BaselineDetector detector) {
    this.detector = detector;
  }

  /**
   * A factory for scans that learn into {@code store} (loaded from {@code --state}, or {@link
   * #newStore()}).
   *
   * @param enricher IP enrichment ({@link IpEnricher#NONE} without a database: location and travel
   *     detectors then see no countries or ASNs)
   * @param config tunables, e.g. {@link #defaultConfig()}
   */
  public static ScanStage.Factory factory(
      IpEnricher enricher, ProfileStore store, BaselineConfig config) {
    return () -> new BaselineStage(new BaselineDetector(config, enricher, store));
  }

  /** The tunables from the built-in metadata files. */
  public static BaselineConfig defaultConfig() {
    DetectorMetadata location = DetectorMetadata.builtin(LOCATION);
    DetectorMetadata denied = DetectorMetadata.builtin("th-baseline-access-denied-burst");
    DetectorMetadata enumeration = DetectorMetadata.builtin("th-baseline-enumeration-volume");
    DetectorMetadata travel = DetectorMetadata.builtin("th-baseline-impossible-travel");
    DetectorMetadata instance =
        DetectorMetadata.builtin("th-baseline-instance-credential-outside-aws");
    return new BaselineConfig(
        Duration.ofMinutes(Math.round(location.number("learning_days", 7) * 24 * 60)),
        (int) denied.number("threshold", 10),
        Duration.ofMinutes((long) denied.number("window_minutes", 10)),
        (int) enumeration.number("min_distinct", 20),
        enumeration.number("factor", 3),
        travel.number("speed_kmh", 1000),
        travel.number("tolerance_km", 500),
        Duration.ofMinutes((long) instance.number("own_address_minutes", 60)),
        null);
  }

  /** An empty store with the caps from the metadata files. */
  public static ProfileStore newStore() {
    DetectorMetadata location = DetectorMetadata.builtin(LOCATION);
    return new ProfileStore(maxActors(), (int) location.number("max_values", 32));
  }

  /** The actor cap from the metadata files. */
  public static int maxActors() {
    return (int) DetectorMetadata.builtin(LOCATION).number("max_actors", 100_000);
  }

  /** The per-attribute value cap from the metadata files. */
  public static int maxValues() {
    return (int) DetectorMetadata.builtin(LOCATION).number("max_values", 32);
  }

  /** Reads AWS's ranges file (for the factory's config). */
  public static AwsIpRanges awsRanges(java.nio.file.Path file) throws java.io.IOException {
    return AwsIpRanges.load(file);
  }

  @Override
  public Set<String> requiredPaths() {
    return BaselineDetector.PATHS;
  }

  @Override
  public void accept(Event event) {
    detector.accept(event);
  }

  @Override
  public List<Finding> finish() {
    List<BaselineAlert> alerts = detector.finish();
    return BaselineFindings.toFindings(alerts);
  }
}
