package io.trailhound.investigate;

import io.trailhound.simulate.truth.GroundTruth;
import io.trailhound.simulate.truth.TruthScenario;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How investigations compare with a simulation's labels, per scenario.
 *
 * <p>An investigation covers a scenario when its evidence holds one of the scenario's events.
 * Precision of an investigation for a scenario is the share of its evidence that belongs to the
 * scenario, not counting events of other labelled attacks (one leaked key can serve several
 * scenarios from several addresses, and a finding deduplicated per day may name two of them: their
 * events are attack, not background). The scenario's precision is the lowest among the
 * investigations covering it; its recall is the best share of its events one investigation found;
 * patient zero is that best investigation's first event (or, when its evidence also holds another
 * attack, the entry point of the scenario's address); persistence is found when some covering
 * investigation lists the event that created it.
 */
record EvidenceScore(
    String scenario,
    int investigations,
    double precision,
    double recall,
    boolean patientZero,
    int persistenceExpected,
    int persistenceFound) {

  static final Set<String> PERSISTENCE_APIS =
      Set.of(
          "CreateUser",
          "CreateAccessKey",
          "CreateLoginProfile",
          "UpdateLoginProfile",
          "UpdateAssumeRolePolicy",
          "CreatePolicyVersion",
          "SetDefaultPolicyVersion",
          "AttachUserPolicy",
          "PutUserPolicy",
          "CreateSAMLProvider",
          "CreateOpenIDConnectProvider");

  static List<EvidenceScore> score(
      GroundTruth truth, List<Investigation> investigations, EventLookup lookup) {
    Tally tally = new Tally(truth, lookup);
    investigations.forEach(tally::add);
    return tally.scores();
  }

  /**
   * Scores kept up to date one investigation at a time, so a large simulation need not keep its
   * investigations (what {@link #score} gives for the same investigations in any order, ties
   * between equally good investigations aside).
   */
  static final class Tally {
    private final GroundTruth truth;
    private final EventLookup lookup;
    private final Map<String, String> owner = new HashMap<>();
    private final Map<String, Scenario> scenarios = new java.util.LinkedHashMap<>();

    Tally(GroundTruth truth, EventLookup lookup) {
      this.truth = truth;
      this.lookup = lookup;
      truth.scenarios().forEach(s -> s.eventIds().forEach(id -> owner.put(id, s.id())));
      truth.scenarios().forEach(s -> scenarios.put(s.id(), new Scenario(s)));
    }

    /** Counts one investigation against every scenario whose events it holds. */
    void add(Investigation inv) {
      Map<String, Long> mine = new HashMap<>();
      long attack = 0;
      for (String id : inv.evidence()) {
        String s = owner.get(id);
        if (s != null) {
          mine.merge(s, 1L, Long::sum);
          attack++;
        }
      }
      for (Map.Entry<String, Long> e : mine.entrySet()) {
        scenarios.get(e.getKey()).add(inv, e.getValue(), attack - e.getValue());
      }
    }

    List<EvidenceScore> scores() {
      return truth.scenarios().stream().map(s -> scenarios.get(s.id()).score()).toList();
    }

    /** One scenario's running score. */
    private final class Scenario {
      final TruthScenario truth;
      final Set<String> persistenceFound = new HashSet<>();
      int covering;
      double precision = 1;
      double recall;
      long bestOthers;
      boolean bestZero;
      boolean anyBest;

      Scenario(TruthScenario truth) {
        this.truth = truth;
      }

      void add(Investigation inv, long mine, long others) {
        covering++;
        precision = Math.min(precision, (double) mine / (inv.evidence().size() - others));
        double r = (double) mine / truth.eventIds().size();
        if (r > recall || r == recall && anyBest && others < bestOthers) {
          recall = r;
          bestOthers = others;
          anyBest = true;
          bestZero = patientZero(inv, others, first(), owner, lookup);
        }
        inv.persistence().forEach(p -> persistenceFound.add(p.eventId()));
      }

      String first() {
        return truth.eventIds().stream()
            .map(lookup::byId)
            .flatMap(java.util.Optional::stream)
            .min(Comparator.comparing(EventRecord::time).thenComparing(EventRecord::id))
            .map(EventRecord::id)
            .orElse(null);
      }

      EvidenceScore score() {
        List<String> expected =
            truth.eventIds().stream()
                .map(lookup::byId)
                .flatMap(java.util.Optional::stream)
                .filter(e -> !e.failed() && PERSISTENCE_APIS.contains(e.api()))
                .map(EventRecord::id)
                .toList();
        return new EvidenceScore(
            truth.id(),
            covering,
            covering == 0 ? 0 : precision,
            recall,
            anyBest && bestZero,
            expected.size(),
            (int) expected.stream().filter(persistenceFound::contains).count());
      }
    }
  }

  /**
   * The investigation's patient zero; when its evidence also holds another labelled attack (a
   * finding naming two attacker addresses), the entry point of the scenario's address. That entry
   * point may be an earlier labelled attack's event made with the same key from the same address:
   * the simulator drew the same leaked key and attacker address for two scenarios, which the logs
   * cannot tell from one attacker coming back, whose patient zero is the earlier event.
   */
  private static boolean patientZero(
      Investigation best,
      long others,
      String first,
      Map<String, String> owner,
      EventLookup lookup) {
    Step zero = best.timeline().patientZero();
    if (zero != null && zero.eventId().equals(first)) {
      return true;
    }
    if (others == 0 || first == null) {
      return false;
    }
    EventRecord start = lookup.byId(first).orElseThrow();
    for (Step entry : best.timeline().entryPoints()) {
      if (entry.eventId().equals(first)) {
        return true;
      }
      if (owner.containsKey(entry.eventId())
          && java.util.Objects.equals(entry.ip(), start.ip())
          && start.accessKeyId() != null
          && start.accessKeyId().equals(entry.accessKeyId())
          && entry.time().isBefore(start.time())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%-36s investigations %2d  precision %.3f  recall %.3f  patient zero %-5s persistence %d/%d",
        scenario,
        investigations,
        precision,
        recall,
        patientZero,
        persistenceFound,
        persistenceExpected);
  }
}
