package io.trailhound.coverage;

import java.util.List;

/**
 * One Stratus Red Team AWS attack technique.
 *
 * @param id the Stratus id ({@code aws.defense-evasion.cloudtrail-stop})
 * @param name its title
 * @param tactics its tactics, comma-separated
 * @param events the CloudTrail events its detonation produces, as {@code service:EventName}; may be
 *     empty when Stratus does not document them
 */
public record StratusTechnique(String id, String name, String tactics, List<String> events) {

  public StratusTechnique {
    events = List.copyOf(events);
  }

  /** The event names of {@link #events()} without their service prefix. */
  public List<String> eventNames() {
    return events.stream().map(e -> e.substring(e.indexOf(':') + 1)).toList();
  }
}
