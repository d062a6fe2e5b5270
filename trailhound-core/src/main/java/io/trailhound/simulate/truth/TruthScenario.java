package io.trailhound.simulate.truth;

import java.time.Instant;
import java.util.List;

/**
 * One labelled attack in the ground truth.
 *
 * @param id unique in the run, e.g. {@code credential-compromise-1}
 * @param kind the scenario kind
 * @param techniques ATT&CK ids and the Stratus technique it is modelled on
 * @param actorArn principal the attacker acted as
 * @param actorKey access key the attacker used
 * @param eventIds every eventID of the attack
 */
public record TruthScenario(
    String id,
    String kind,
    String name,
    List<String> techniques,
    String actorArn,
    String actorKey,
    String account,
    Instant first,
    Instant last,
    List<String> eventIds) {

  public TruthScenario {
    techniques = List.copyOf(techniques);
    eventIds = List.copyOf(eventIds);
  }
}
