package io.trailhound.cli;

import io.trailhound.enrich.GeoIpReport;
import io.trailhound.enrich.IpDatabase;
import io.trailhound.enrich.IpEnricher;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.intel.IntelException;
import io.trailhound.intel.IntelListSpec;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.intel.IntelStage;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The threat-intel lists and IP database a scan was given, loaded once before reading logs. */
final class IntelOptions {

  /** Folders or files of the IP database when {@code --geoip} is not given. */
  static final String ENV = "TRAILHOUND_GEOIP";

  private final IndicatorSet intel;
  private final IpEnricher enricher;
  private final GeoIpReport geo;
  private final boolean asked;

  private IntelOptions(IndicatorSet intel, IpEnricher enricher, GeoIpReport geo, boolean asked) {
    this.intel = intel;
    this.enricher = enricher;
    this.geo = geo;
    this.asked = asked;
  }

  /**
   * Loads the lists and the database.
   *
   * @param env the value of {@link #ENV}, or null
   * @throws UsageError for a bad specification or a file that cannot be read
   */
  /** The loaded lists (empty when none was given). */
  IndicatorSet indicators() {
    return intel;
  }

  static IntelOptions load(List<String> specs, List<Path> geoip, String env, Clock clock) {
    List<IntelListSpec> lists = new ArrayList<>();
    for (String spec : specs) {
      try {
        lists.add(IntelListSpec.parse(spec));
      } catch (IllegalArgumentException e) {
        throw new UsageError("--intel " + e.getMessage());
      }
    }
    IndicatorSet intel;
    try {
      intel = IndicatorSet.load(lists, clock);
    } catch (IntelException e) {
      throw new UsageError("--intel: " + e.getMessage());
    }
    List<Path> dbs = new ArrayList<>(geoip);
    if (dbs.isEmpty() && env != null && !env.isBlank()) {
      for (String part : env.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          dbs.add(Path.of(part.strip()));
        }
      }
    }
    IpEnricher enricher = IpEnricher.NONE;
    GeoIpReport geo = GeoIpReport.OFF;
    if (!dbs.isEmpty()) {
      try {
        IpDatabase db = IpDatabase.load(dbs);
        enricher = db;
        geo = db.report();
      } catch (UncheckedIOException e) {
        throw new UsageError("--geoip: " + e.getMessage());
      }
    }
    return new IntelOptions(intel, enricher, geo, !specs.isEmpty() || !geoip.isEmpty());
  }

  /** The options with the intel stage added when there are lists to match. */
  /** The IP database (country and AS) the user named, or {@link IpEnricher#NONE}. */
  IpEnricher enricher() {
    return enricher;
  }

  ScanOptions addTo(ScanOptions options) {
    return intel.isEmpty() ? options : options.withStage(IntelStage.factory(intel, enricher));
  }

  /** The summary lines, when the user asked for intel or enrichment. */
  Optional<IntelSummary> summary() {
    return asked ? Optional.of(new IntelSummary(intel, geo)) : Optional.empty();
  }
}
