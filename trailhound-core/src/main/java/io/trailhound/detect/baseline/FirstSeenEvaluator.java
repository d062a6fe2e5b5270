package io.trailhound.detect.baseline;

import io.trailhound.enrich.IpEnricher;
import io.trailhound.enrich.IpInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first-seen detectors over one profile: a new country or ASN ({@code
 * th-baseline-unusual-location}), a new API category ({@code th-baseline-anomalous-*}), an unusual
 * launch ({@code th-baseline-instance-launch-unusual}). A value is reported when it was first seen
 * in this run, at or after the end of the actor's learning period.
 */
final class FirstSeenEvaluator {

  static final String LOCATION = "th-baseline-unusual-location";
  static final String LAUNCH = "th-baseline-instance-launch-unusual";

  private final long learningMs;
  private final IpEnricher enricher;

  FirstSeenEvaluator(long learningMs, IpEnricher enricher) {
    this.learningMs = learningMs;
    this.enricher = enricher;
  }

  void evaluate(Profile p, List<BaselineAlert> out) {
    long learnedAt = p.first + learningMs;
    location(p, learnedAt, out);
    categories(p, learnedAt, out);
    launches(p, learnedAt, out);
  }

  /**
   * Indices of values first seen in this run after learning, grouped by the event that showed them.
   */
  private static Map<String, List<Integer>> fresh(ValueSet s, long learnedAt) {
    Map<String, List<Integer>> byEvent = new TreeMap<>();
    if (s == null) {
      return byEvent;
    }
    for (int i = 0; i < s.size(); i++) {
      Sighting seen = s.sighting(i);
      if (seen != null && !s.known(i) && s.first(i) >= learnedAt) {
        byEvent.computeIfAbsent(seen.eventId(), k -> new ArrayList<>()).add(i);
      }
    }
    return byEvent;
  }

  private void location(Profile p, long learnedAt, List<BaselineAlert> out) {
    ValueSet countries = p.existing(Attribute.COUNTRY);
    ValueSet asns = p.existing(Attribute.ASN);
    Map<String, List<Integer>> newCountries = fresh(countries, learnedAt);
    Map<String, List<Integer>> newAsns = fresh(asns, learnedAt);
    Map<String, Sighting> events = new TreeMap<>();
    newCountries.forEach((id, idx) -> events.put(id, countries.sighting(idx.get(0))));
    newAsns.forEach((id, idx) -> events.put(id, asns.sighting(idx.get(0))));
    for (Sighting s : events.values()) {
      IpInfo info = s.ip() == null ? IpInfo.UNKNOWN : enricher.lookup(s.ip());
      List<String> what = new ArrayList<>();
      long count = 0;
      if (newCountries.containsKey(s.eventId())) {
        int i = newCountries.get(s.eventId()).get(0);
        what.add("country " + countries.value(i));
        count = Math.max(count, countries.count(i));
      }
      if (newAsns.containsKey(s.eventId())) {
        int i = newAsns.get(s.eventId()).get(0);
        what.add("AS" + asns.value(i));
        count = Math.max(count, asns.count(i));
      }
      String from =
          s.ip()
              + (info.asn() > 0 ? ", AS" + info.asn() : "")
              + (info.asOrg() != null ? " " + info.asOrg() : "")
              + (info.country() != null ? " (" + info.country() + ")" : "");
      String explanation =
          Explain.actor(p)
              + " used from "
              + from
              + " at "
              + Explain.time(s.time())
              + " ("
              + s.service()
              + " "
              + s.api()
              + "), new "
              + String.join(" and ", what)
              + "; seen before only from "
              + Explain.before(asns, Attribute.ASN, s.time())
              + " in "
              + Explain.before(countries, Attribute.COUNTRY, s.time())
              + " over "
              + Explain.days(p.first, s.time())
              + context(p, s);
      out.add(alert(LOCATION, p, String.join("+", what), s, count, explanation));
    }
  }

  private void categories(Profile p, long learnedAt, List<BaselineAlert> out) {
    ValueSet cats = p.existing(Attribute.CATEGORY);
    for (List<Integer> idx : fresh(cats, learnedAt).values()) {
      for (int i : idx) {
        Category c = Category.fromLabel((String) cats.value(i));
        Sighting s = cats.sighting(i);
        String explanation =
            Explain.actor(p)
                + " called "
                + s.service()
                + " "
                + s.api()
                + (s.errorCode() != null ? " (" + s.errorCode() + ")" : "")
                + " at "
                + Explain.time(s.time())
                + ", its first "
                + c.label()
                + " call ("
                + Explain.count(cats.count(i))
                + " in this category since); in "
                + Explain.days(p.first, s.time())
                + " before it used only "
                + Explain.before(cats, Attribute.CATEGORY, s.time())
                + context(p, s);
        out.add(alert(c.detectorId(), p, c.label(), s, cats.count(i), explanation));
      }
    }
  }

  private void launches(Profile p, long learnedAt, List<BaselineAlert> out) {
    ValueSet types = p.existing(Attribute.INSTANCE_TYPE);
    ValueSet regions = p.existing(Attribute.LAUNCH_REGION);
    Map<String, List<Integer>> newTypes = fresh(types, learnedAt);
    Map<String, List<Integer>> newRegions = fresh(regions, learnedAt);
    Map<String, Sighting> events = new TreeMap<>();
    newTypes.forEach((id, idx) -> events.put(id, types.sighting(idx.get(0))));
    newRegions.forEach((id, idx) -> events.put(id, regions.sighting(idx.get(0))));
    for (Sighting s : events.values()) {
      List<String> what = new ArrayList<>();
      long count = 0;
      if (newTypes.containsKey(s.eventId())) {
        int i = newTypes.get(s.eventId()).get(0);
        what.add("instance type " + types.value(i));
        count = types.count(i);
      }
      if (newRegions.containsKey(s.eventId())) {
        int i = newRegions.get(s.eventId()).get(0);
        what.add("launch region " + regions.value(i));
        count = Math.max(count, regions.count(i));
      }
      String history = Explain.before(types, Attribute.INSTANCE_TYPE, s.time());
      String explanation =
          Explain.actor(p)
              + " called RunInstances at "
              + Explain.time(s.time())
              + " in "
              + s.region()
              + ", new "
              + String.join(" and ", what)
              + (history.equals("none")
                  ? "; it never launched an instance in the "
                      + Explain.days(p.first, s.time())
                      + " before"
                  : "; before it launched only "
                      + history
                      + " in "
                      + Explain.before(regions, Attribute.LAUNCH_REGION, s.time())
                      + " over "
                      + Explain.days(p.first, s.time()))
              + context(p, s);
      out.add(alert(LAUNCH, p, String.join("+", what), s, count, explanation));
    }
  }

  /** Where the call came from and with what, next to what the actor usually shows. */
  private static String context(Profile p, Sighting s) {
    String ua = UserAgents.family(s.userAgent());
    ValueSet uas = p.existing(Attribute.USER_AGENT);
    int i = uas == null || ua == null ? -1 : uas.indexOf(ua);
    boolean newUa = i >= 0 && uas.first(i) >= s.time() && uas.first(i) > p.first;
    int hour = (int) Math.floorMod(s.time() / 3_600_000L, 24L);
    int share = p.hours == null || p.events == 0 ? 0 : (int) (100L * p.hours[hour] / p.events);
    return "; "
        + Explain.count(p.events)
        + " in all, "
        + share
        + "% of them in the hour from "
        + String.format(java.util.Locale.ROOT, "%02d:00", hour)
        + " UTC"
        + (ua != null ? "; user agent " + ua + (newUa ? " (never used before)" : "") : "")
        + ".";
  }

  private static BaselineAlert alert(
      String detector, Profile p, String subject, Sighting s, long count, String explanation) {
    return new BaselineAlert(
        detector,
        p.kind,
        p.id,
        subject,
        s,
        List.of(s.eventId()),
        s.instant(),
        s.instant(),
        Math.max(1, count),
        explanation);
  }
}
