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
 * @param networkIds instance ids and network interfaces whose network logs show the attack (flow
 *     and resolver records have no ids of their own); empty when CloudTrail alone shows it
 * @param networkEvidence what those network logs show, in words
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
    List<String> eventIds,
    List<String> networkIds,
    List<String> networkEvidence) {

  public TruthScenario {
    techniques = List.copyOf(techniques);
    eventIds = List.copyOf(eventIds);
    networkIds = List.copyOf(networkIds);
    networkEvidence = List.copyOf(networkEvidence);
  }

  /** A scenario shown by CloudTrail alone. */
  public TruthScenario(
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
    this(
        id,
        kind,
        name,
        techniques,
        actorArn,
        actorKey,
        account,
        first,
        last,
        eventIds,
        List.of(),
        List.of());
  }
}
