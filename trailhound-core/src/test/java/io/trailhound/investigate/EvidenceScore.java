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
    Map<String, String> owner = new HashMap<>();
    truth.scenarios().forEach(s -> s.eventIds().forEach(id -> owner.put(id, s.id())));
    return truth.scenarios().stream().map(s -> score(s, owner, investigations, lookup)).toList();
  }

  private static EvidenceScore score(
      TruthScenario s,
      Map<String, String> owner,
      List<Investigation> investigations,
      EventLookup lookup) {
    Set<String> events = new HashSet<>(s.eventIds());
    double precision = 1;
    double recall = 0;
    Investigation best = null;
    long bestOthers = 0;
    int covering = 0;
    Set<String> persistenceFound = new HashSet<>();
    for (Investigation inv : investigations) {
      long mine = inv.evidence().stream().filter(events::contains).count();
      if (mine == 0) {
        continue;
      }
      covering++;
      long others =
          inv.evidence().stream()
              .filter(id -> owner.containsKey(id) && !events.contains(id))
              .count();
      precision = Math.min(precision, (double) mine / (inv.evidence().size() - others));
      double r = (double) mine / events.size();
      if (r > recall || r == recall && best != null && others < bestOthers) {
        recall = r;
        best = inv;
        bestOthers = others;
      }
      inv.persistence().forEach(p -> persistenceFound.add(p.eventId()));
    }
    String first =
        s.eventIds().stream()
            .map(lookup::byId)
            .flatMap(java.util.Optional::stream)
            .min(Comparator.comparing(EventRecord::time).thenComparing(EventRecord::id))
            .map(EventRecord::id)
            .orElse(null);
    List<String> expected =
        s.eventIds().stream()
            .map(lookup::byId)
            .flatMap(java.util.Optional::stream)
            .filter(e -> !e.failed() && PERSISTENCE_APIS.contains(e.api()))
            .map(EventRecord::id)
            .toList();
    return new EvidenceScore(
        s.id(),
        covering,
        covering == 0 ? 0 : precision,
        recall,
        best != null && patientZero(best, bestOthers, first, owner, lookup),
        expected.size(),
        (int) expected.stream().filter(persistenceFound::contains).count());
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
