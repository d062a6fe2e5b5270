package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
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
 */
public record Planned(
    String id,
    Scenario scenario,
    String actorArn,
    String actorKey,
    String account,
    List<Call> calls,
    List<Launched> launched) {

  public Planned {
    calls = calls.stream().sorted(Comparator.comparing(Call::time)).toList();
    launched = List.copyOf(launched);
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
    return calls.get(0).time();
  }

  public Instant last() {
    return calls.get(calls.size() - 1).time();
  }
}
