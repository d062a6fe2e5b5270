package io.trailhound.detect.correlation;

import io.trailhound.event.EventView;
import io.trailhound.event.Outcome;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the views a correlation keeps share equal parts: one actor, endpoint, resource list and
 * strings such as account, region and API for every kept view that has them. A burst correlation
 * keeps every matching event's view until the end of the scan, mostly from few principals, so
 * sharing shrinks what the scan holds and what young collections copy. Equal values replace equal
 * values, so nothing read from a view changes. Thread-safe; holds at most {@link #MAX} distinct
 * parts, beyond which parts are kept as they come.
 */
final class SharedParts {

  static final int MAX = 1 << 16;

  private final ConcurrentHashMap<Object, Object> parts = new ConcurrentHashMap<>();

  /** A view equal to {@code v} whose parts are shared with the views compacted before it. */
  EventView compact(EventView v) {
    return new EventView(
        v.eventId(),
        v.time(),
        share(v.account()),
        share(v.region()),
        share(v.service()),
        share(v.api()),
        share(v.eventType()),
        share(v.eventCategory()),
        v.readOnly(),
        v.outcome() == Outcome.SUCCESS ? Outcome.SUCCESS : share(v.outcome()),
        share(v.actor()),
        share(v.source()),
        v.resources().isEmpty() ? List.of() : share(v.resources()));
  }

  @SuppressWarnings("unchecked")
  private <T> T share(T value) {
    if (value == null) {
      return null;
    }
    Object kept = parts.get(value);
    if (kept == null) {
      if (parts.size() >= MAX) {
        return value;
      }
      kept = parts.putIfAbsent(value, value);
      if (kept == null) {
        return value;
      }
    }
    return (T) kept;
  }
}
