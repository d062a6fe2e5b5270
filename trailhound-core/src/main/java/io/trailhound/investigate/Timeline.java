package io.trailhound.investigate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the actor did, in order.
 *
 * @param patientZero the first event of the attacker's footprint (their IP, key or session)
 * @param entryPoints the first event from each source address, earliest first (one finding can name
 *     several addresses of an attacker, each with its own patient zero)
 * @param dwell time from patient zero to the last event of the footprint
 * @param steps every evidence event, earliest first
 * @param byTactic evidence event ids per ATT&amp;CK tactic, tactics in order of first use
 * @param read resources read
 * @param changed resources created or modified
 * @param deleted resources deleted
 * @param regions regions touched
 * @param accounts accounts touched
 * @param ips source addresses used
 * @param bytesOut bytes transferred out where the log says
 * @param failed failed calls
 */
public record Timeline(
    Step patientZero,
    List<Step> entryPoints,
    Duration dwell,
    List<Step> steps,
    Map<String, List<String>> byTactic,
    List<String> read,
    List<String> changed,
    List<String> deleted,
    List<String> regions,
    List<String> accounts,
    List<String> ips,
    long bytesOut,
    int failed) {

  public Timeline {
    steps = List.copyOf(steps);
    entryPoints = List.copyOf(entryPoints);
    byTactic = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTactic));
    read = List.copyOf(read);
    changed = List.copyOf(changed);
    deleted = List.copyOf(deleted);
    regions = List.copyOf(regions);
    accounts = List.copyOf(accounts);
    ips = List.copyOf(ips);
  }
}
