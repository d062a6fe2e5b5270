package io.trailhound.detect.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one actor has done: first and last event time, event count, hours of day, and a bounded set
 * of values per {@link Attribute}; plus, for this run only, the raw material of the windowed
 * detectors (denied calls, discovery APIs per hour, console sign-ins). Methods are synchronized:
 * reader threads update profiles concurrently.
 */
final class Profile {

  /** Per profile and run: denied calls, discovery hours and sign-ins kept for evaluation. */
  static final int MAX_DENIED = 10_000;

  static final int MAX_HOURS = 2_000;
  static final int MAX_LOGINS = 1_000;

  final ActorKind kind;
  final String id;

  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;
  long events;

  final ValueSet[] attributes = new ValueSet[Attribute.ALL.length];
  int[] hours;

  /** Most distinct discovery APIs in one hour, over hours already evaluated (state). */
  int enumerationMax;

  /** Hours with discovery calls already evaluated (state). */
  int enumerationHours;

  /** Latest console sign-in from an earlier run (state): time, country, address. */
  long lastLoginTime;

  String lastLoginCountry;
  String lastLoginIp;

  long[] deniedTimes;
  Sighting[] deniedIds;
  int denied;
  long deniedDropped;
  Map<Long, DiscoveryHour> discoveryHours;
  List<Sighting> logins;
  List<String> loginCountries;

  Profile(ActorKind kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  synchronized void observe(Observation o, int cap) {
    touch(o.time);
    if (hours == null) {
      hours = new int[24];
    }
    hours[o.hour]++;
    if (o.ip != null) {
      if (o.info.country() != null) {
        set(Attribute.COUNTRY).observe(o.info.country(), o.time, o, cap);
      }
      if (o.info.asn() > 0) {
        set(Attribute.ASN).observe(o.info.asn(), o.time, o, cap);
      }
      set(Attribute.PREFIX).observe(o.prefix, o.time, o, cap);
    }
    if (o.view.region() != null) {
      set(Attribute.REGION).observe(o.view.region(), o.time, o, cap);
    }
    if (o.userAgent != null) {
      set(Attribute.USER_AGENT).observe(o.userAgent, o.time, o, cap);
    }
    if (o.category != null) {
      set(Attribute.CATEGORY).observe(o.category.label(), o.time, o, cap);
    }
    if (o.instanceType != null) {
      set(Attribute.INSTANCE_TYPE).observe(o.instanceType, o.time, o, cap);
      if (o.view.region() != null) {
        set(Attribute.LAUNCH_REGION).observe(o.view.region(), o.time, o, cap);
      }
    }
  }

  synchronized void observeDenied(Observation o) {
    if (denied == MAX_DENIED) {
      deniedDropped++;
      return;
    }
    if (deniedTimes == null || denied == deniedTimes.length) {
      int n = deniedTimes == null ? 8 : Math.min(MAX_DENIED, denied * 2);
      deniedTimes = deniedTimes == null ? new long[n] : Arrays.copyOf(deniedTimes, n);
      deniedIds = deniedIds == null ? new Sighting[n] : Arrays.copyOf(deniedIds, n);
    }
    deniedTimes[denied] = o.time;
    deniedIds[denied] = o.sighting();
    denied++;
  }

  /** Discovery calls in one clock hour: which APIs, how many calls, the earliest one. */
  static final class DiscoveryHour {
    final BitSet apis = new BitSet();
    Sighting first;
    long lastTime = Long.MIN_VALUE;
    int calls;
  }

  synchronized void observeDiscovery(Observation o, int apiId) {
    if (discoveryHours == null) {
      discoveryHours = new HashMap<>();
    }
    Long hour = Math.floorDiv(o.time, 3_600_000L);
    DiscoveryHour h = discoveryHours.get(hour);
    if (h == null) {
      if (discoveryHours.size() >= MAX_HOURS) {
        return;
      }
      h = new DiscoveryHour();
      discoveryHours.put(hour, h);
    }
    h.apis.set(apiId);
    h.calls++;
    h.lastTime = Math.max(h.lastTime, o.time);
    if (h.first == null
        || o.time < h.first.time()
        || o.time == h.first.time() && o.view.eventId().compareTo(h.first.eventId()) < 0) {
      h.first = o.sighting();
    }
  }

  synchronized void observeLogin(Observation o) {
    if (logins == null) {
      logins = new ArrayList<>();
      loginCountries = new ArrayList<>();
    }
    if (logins.size() < MAX_LOGINS) {
      logins.add(o.sighting());
      loginCountries.add(o.info.country());
    }
  }

  /** Widens first/last seen; used for events and for state. */
  void touch(long time) {
    if (time < first) {
      first = time;
    }
    if (time > last) {
      last = time;
    }
    events++;
  }

  ValueSet set(Attribute a) {
    ValueSet s = attributes[a.ordinal()];
    if (s == null) {
      s = new ValueSet();
      attributes[a.ordinal()] = s;
    }
    return s;
  }

  /** The set for {@code a}, or null when the actor never showed one. */
  ValueSet existing(Attribute a) {
    return attributes[a.ordinal()];
  }

  /** Drops this run's transient material after evaluation (what stays is state). */
  synchronized void settle() {
    for (ValueSet s : attributes) {
      if (s != null) {
        s.markAllKnown();
      }
    }
    deniedTimes = null;
    deniedIds = null;
    denied = 0;
    discoveryHours = null;
    logins = null;
    loginCountries = null;
  }
}
