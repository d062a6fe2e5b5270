package io.trailhound.enrich;

import java.nio.file.Path;
import java.util.List;

/**
 * What loading the enrichment databases found.
 *
 * @param files each file read, with what it held
 * @param badLines lines that could not be read, over all files
 * @param examples the first few bad lines ({@code file:line: reason}; log-like text: escape it)
 * @param overlapping ranges that start inside an earlier range (the narrower one answers)
 * @param unsorted ranges that came after a later-starting one (sorted on load)
 */
public record GeoIpReport(
    List<File> files, long badLines, List<String> examples, int overlapping, int unsorted) {

  public GeoIpReport {
    files = List.copyOf(files);
    examples = List.copyOf(examples);
  }

  /** No database loaded: enrichment is off. */
  public static final GeoIpReport OFF = new GeoIpReport(List.of(), 0, List.of(), 0, 0);

  /**
   * One database file.
   *
   * @param path where it was read
   * @param kind {@code country} or {@code asn}; {@code skipped} for a file left out (see note)
   * @param ranges ranges loaded from it
   * @param badLines lines that could not be read
   * @param note why a file was skipped, or empty
   */
  public record File(Path path, String kind, int ranges, long badLines, String note) {}

  /** Whether any database was loaded. */
  public boolean enabled() {
    return files.stream().anyMatch(f -> f.ranges() > 0);
  }
}
