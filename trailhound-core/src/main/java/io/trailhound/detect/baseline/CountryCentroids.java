package io.trailhound.detect.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Approximate country centres ({@code content/geo/country-centroids.tsv}) and distances. */
final class CountryCentroids {

  static final String RESOURCE = "content/geo/country-centroids.tsv";
  private static final double EARTH_RADIUS_KM = 6371.0;

  private final Map<String, double[]> centres;

  private CountryCentroids(Map<String, double[]> centres) {
    this.centres = Map.copyOf(centres);
  }

  static CountryCentroids builtin() {
    try (InputStream in = CountryCentroids.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, double[]> map = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.strip().split("\t");
        map.put(
            cols[0].toUpperCase(Locale.ROOT),
            new double[] {Double.parseDouble(cols[1]), Double.parseDouble(cols[2])});
      }
      return new CountryCentroids(map);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  /** Great-circle distance between two countries' centres in km, or -1 when either is unknown. */
  double distanceKm(String a, String b) {
    double[] p = a == null ? null : centres.get(a.toUpperCase(Locale.ROOT));
    double[] q = b == null ? null : centres.get(b.toUpperCase(Locale.ROOT));
    if (p == null || q == null) {
      return -1;
    }
    double lat1 = Math.toRadians(p[0]);
    double lat2 = Math.toRadians(q[0]);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(q[1] - p[1]);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
