package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.identity.IdentityRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A planned attack: its labelled calls and who made them.
 *
 * @param actorArn principal ARN the attacker acted as
 * @param actorKey access key the attacker used (null for console sessions)
 * @param account account attacked
 * @param launched instances the attack started (empty for most scenarios)
 * @param identity identity-provider records of the attack (empty for most scenarios)
 */
public record Planned(
    String id,
    Scenario scenario,
    String actorArn,
    String actorKey,
    String account,
    List<Call> calls,
    List<Launched> launched,
    List<IdentityRecord> identity) {

  public Planned {
    calls = calls.stream().sorted(Comparator.comparing(Call::time)).toList();
    launched = List.copyOf(launched);
    identity = identity.stream().sorted(Comparator.comparing(IdentityRecord::time)).toList();
  }

  /** A plan that writes no identity-provider records. */
  public Planned(
      String id,
      Scenario scenario,
      String actorArn,
      String actorKey,
      String account,
      List<Call> calls,
      List<Launched> launched) {
    this(id, scenario, actorArn, actorKey, account, calls, launched, List.of());
  }

  /** The same plan under the run's scenario id, labelled with the scenario that made it. */
  public Planned as(String newId, Scenario by) {
    return new Planned(newId, by, actorArn, actorKey, account, calls, launched, identity);
  }

  /** A plan that starts no instances. */
  public Planned(
      String id,
      Scenario scenario,
      String actorArn,
      String actorKey,
      String account,
      List<Call> calls) {
    this(id, scenario, actorArn, actorKey, account, calls, List.of());
  }

  public Instant first() {
    Instant t = calls.get(0).time();
    return identity.isEmpty() || t.isBefore(identity.get(0).time()) ? t : identity.get(0).time();
  }

  public Instant last() {
    Instant t = calls.get(calls.size() - 1).time();
    Instant i = identity.isEmpty() ? t : identity.get(identity.size() - 1).time();
    return t.isAfter(i) ? t : i;
  }
}
