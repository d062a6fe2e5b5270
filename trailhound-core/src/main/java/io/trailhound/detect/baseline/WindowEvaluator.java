package io.trailhound.detect.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windowed detectors over one profile, each evaluated on the profile's events sorted by time:
 * bursts of denied calls, unusual enumeration volume, impossible travel between sign-ins.
 */
final class WindowEvaluator {

  static final String DENIED = "th-baseline-access-denied-burst";
  static final String ENUMERATION = "th-baseline-enumeration-volume";
  static final String TRAVEL = "th-baseline-impossible-travel";

  private static final int MAX_EVIDENCE = 100;
  private static final long HOUR_MS = 3_600_000L;

  private final BaselineConfig config;
  private final CountryCentroids centroids;

  WindowEvaluator(BaselineConfig config, CountryCentroids centroids) {
    this.config = config;
    this.centroids = centroids;
  }

  void evaluate(Profile p, List<BaselineAlert> out) {
    denied(p, out);
    enumeration(p, out);
    travel(p, out);
  }

  private void denied(Profile p, List<BaselineAlert> out) {
    int n = p.denied;
    if (n < config.deniedThreshold()) {
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(i -> p.deniedTimes[i])
            .thenComparing(i -> p.deniedIds[i].eventId()));
    long window = config.deniedWindow().toMillis();
    int start = 0;
    while (start + config.deniedThreshold() <= n) {
      long from = p.deniedTimes[order[start]];
      int end = start;
      while (end + 1 < n && p.deniedTimes[order[end + 1]] - from <= window) {
        end++;
      }
      int count = end - start + 1;
      if (count < config.deniedThreshold()) {
        start++;
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int k = start; k <= end && ids.size() < MAX_EVIDENCE; k++) {
        ids.add(p.deniedIds[order[k]].eventId());
      }
      long to = p.deniedTimes[order[end]];
      String explanation =
          Explain.actor(p)
              + " was denied "
              + count
              + " times between "
              + Explain.time(from)
              + " and "
              + Explain.time(to)
              + " (threshold "
              + config.deniedThreshold()
              + " within "
              + config.deniedWindow().toMinutes()
              + " minutes); "
              + Explain.count(p.events)
              + " in all.";
      out.add(
          new BaselineAlert(
              DENIED,
              p.kind,
              p.id,
              Explain.time(from),
              p.deniedIds[order[start]],
              ids,
              java.time.Instant.ofEpochMilli(from),
              java.time.Instant.ofEpochMilli(to),
              count,
              explanation));
      start = end + 1;
    }
  }

  private void enumeration(Profile p, List<BaselineAlert> out) {
    if (p.discoveryHours == null) {
      return;
    }
    long learnedAt = p.first + config.learning().toMillis();
    Map<Long, Profile.DiscoveryHour> hours = new TreeMap<>(p.discoveryHours);
    for (Map.Entry<Long, Profile.DiscoveryHour> e : hours.entrySet()) {
      long hourStart = e.getKey() * HOUR_MS;
      Profile.DiscoveryHour h = e.getValue();
      BitSet apis = h.apis;
      int distinct = apis.cardinality();
      double bar =
          Math.max(config.enumerationMinDistinct(), config.enumerationFactor() * p.enumerationMax);
      if (hourStart >= learnedAt && p.enumerationHours > 0 && distinct >= bar) {
        String explanation =
            Explain.actor(p)
                + " called "
                + distinct
                + " distinct List/Describe/Get APIs between "
                + Explain.time(hourStart)
                + " and "
                + Explain.time(hourStart + HOUR_MS)
                + " ("
                + Explain.count(h.calls)
                + "); its busiest hour before had "
                + p.enumerationMax
                + " over "
                + p.enumerationHours
                + " hours with such calls in "
                + Explain.days(p.first, hourStart)
                + ".";
        out.add(
            new BaselineAlert(
                ENUMERATION,
                p.kind,
                p.id,
                Explain.time(hourStart),
                h.first,
                List.of(h.first.eventId()),
                h.first.instant(),
                java.time.Instant.ofEpochMilli(h.lastTime),
                h.calls,
                explanation));
      } else {
        p.enumerationMax = Math.max(p.enumerationMax, distinct);
      }
      p.enumerationHours++;
    }
  }

  private void travel(Profile p, List<BaselineAlert> out) {
    if (p.logins == null) {
      return;
    }
    Integer[] order = new Integer[p.logins.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(i -> p.logins.get(i).time())
            .thenComparing(i -> p.logins.get(i).eventId()));
    long prevTime = p.lastLoginTime;
    String prevCountry = p.lastLoginCountry;
    String prevIp = p.lastLoginIp;
    String prevId = null;
    for (Integer i : order) {
      Sighting s = p.logins.get(i);
      String country = p.loginCountries.get(i);
      if (prevCountry != null && s.time() >= prevTime && !prevCountry.equals(country)) {
        double km = centroids.distanceKm(prevCountry, country);
        double effective = km - config.travelToleranceKm();
        double hours = (s.time() - prevTime) / (double) HOUR_MS;
        if (km >= 0 && effective > 0 && effective > config.travelSpeedKmh() * hours) {
          String speed =
              hours == 0 ? "at the same moment" : Explain.number(effective / hours) + " km/h";
          String explanation =
              Explain.actor(p)
                  + " signed in to the console from "
                  + s.ip()
                  + " ("
                  + country
                  + ") at "
                  + Explain.time(s.time())
                  + ", "
                  + Explain.number(hours * 60)
                  + " minutes after signing in from "
                  + prevIp
                  + " ("
                  + prevCountry
                  + ") at "
                  + Explain.time(prevTime)
                  + ": "
                  + Explain.number(km)
                  + " km between the country centres ("
                  + Explain.number(effective)
                  + " km after a "
                  + Explain.number(config.travelToleranceKm())
                  + " km tolerance), "
                  + speed
                  + ", above "
                  + Explain.number(config.travelSpeedKmh())
                  + " km/h.";
          List<String> ids = prevId == null ? List.of(s.eventId()) : List.of(prevId, s.eventId());
          out.add(
              new BaselineAlert(
                  TRAVEL,
                  p.kind,
                  p.id,
                  s.eventId(),
                  s,
                  ids,
                  java.time.Instant.ofEpochMilli(prevTime),
                  s.instant(),
                  ids.size(),
                  explanation));
        }
      }
      if (s.time() >= prevTime) {
        prevTime = s.time();
        prevCountry = country;
        prevIp = s.ip();
        prevId = s.eventId();
      }
    }
    p.lastLoginTime = prevTime;
    p.lastLoginCountry = prevCountry;
    p.lastLoginIp = prevIp;
  }
}
