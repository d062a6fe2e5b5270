package io.trailhound.detect.baseline;

import io.trailhound.enrich.IpInfo;
import io.trailhound.event.EventView;

/**
 * What one event shows about its actor, computed once per event before any profile is locked. The
 * {@link Sighting} is built only when some profile first sees a value in it.
 */
final class Observation {

  final EventView view;
  final long time;

  /** Caller address when it is an IP literal, else null (service names, {@code AWS Internal}). */
  final String ip;

  final IpInfo info;
  final long prefix;
  final String userAgent;
  final Category category;
  final int hour;

  /** {@code requestParameters.instanceType} of a RunInstances call, else null. */
  final String instanceType;

  private Sighting sighting;

  Observation(
      EventView view, String ip, IpInfo info, long prefix, String ua, Category c, String type) {
    this.view = view;
    this.time = view.time().toEpochMilli();
    this.ip = ip;
    this.info = info;
    this.prefix = prefix;
    this.userAgent = ua;
    this.category = c;
    this.hour = (int) Math.floorMod(time / 3_600_000L, 24L);
    this.instanceType = type;
  }

  Sighting sighting() {
    if (sighting == null) {
      sighting = Sighting.of(view);
    }
    return sighting;
  }
}
