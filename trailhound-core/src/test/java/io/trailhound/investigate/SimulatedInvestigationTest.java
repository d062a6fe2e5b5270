package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.simulate.SimulationOptions;
import io.trailhound.simulate.SimulationSummary;
import io.trailhound.simulate.Simulator;
import io.trailhound.simulate.truth.TruthScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Investigations of every finding (low and above) on the simulator's labelled attacks: evidence
 * precision and recall per scenario, patient zero, persistence; and a golden timeline. Other seeds:
 * {@code -Dtrailhound.investigate.seed=N} (the golden file is only compared for the default seed),
 * other sizes {@code -Dtrailhound.investigate.scale=F -Dtrailhound.investigate.days=D}. Regenerate
 * the golden file with {@code -Dtrailhound.regenerate=true}.
 */
class SimulatedInvestigationTest {

  private static final long DEFAULT_SEED = 20261123;

  /** Attacks whose harm (changes made, data taken) the logs show. */
  private static final Set<String> HARMFUL =
      Set.of(
          "credential-compromise",
          "s3-exfiltration",
          "cryptomining",
          "cloudtrail-stop",
          "ebs-snapshot-share",
          "iam-backdoor-role",
          "iam-create-user-login-profile",
          "console-login-without-mfa");

  private static final Set<String> PIVOTS =
      Set.of("ec2-steal-instance-credentials", "ec2-enumerate-from-instance");

  /**
   * Identity-provider account takeovers: the investigation of an Okta or Entra ID finding follows
   * the person into the AWS sessions and keys they used from the attacker's address.
   */
  private static final Set<String> TAKEOVERS =
      Set.of("okta-session-hijack", "okta-mfa-push-fatigue", "entra-risky-sign-in");

  private static final Path GOLDEN = Path.of("src/test/resources/investigate/golden");

  @TempDir static Path tmp;

  static long seed;
  static SimulationSummary sim;
  static Scanned scanned;

  /**
   * Only what the tests below need is kept of each investigation, so a large simulation fits the
   * test's heap; with {@code -Dtrailhound.investigate.explain=true} every investigation holding
   * attack events is kept for the report.
   */
  static List<Investigation> kept = new ArrayList<>();

  static List<EvidenceScore> scores;

  /** Attack events some investigation holds as evidence. */
  static Set<String> investigatedAttack = new HashSet<>();

  /** Takeover scenarios an investigation followed from identity-provider records into AWS. */
  static Set<String> takeoversFollowed = new HashSet<>();

  /** The verdict of every investigation that holds attack events. */
  static List<Judged> judged = new ArrayList<>();

  /** The smallest investigation holding every event of the first credential compromise. */
  static Investigation golden;

  /** An investigation's rule, the labelled attacks in its evidence and its verdict. */
  record Judged(String rule, List<TruthScenario> attacks, Verdict verdict) {}

  @BeforeAll
  static void simulate_scan_and_investigate() throws IOException {
    seed = Long.getLong("trailhound.investigate.seed", DEFAULT_SEED);
    double scale = Double.parseDouble(System.getProperty("trailhound.investigate.scale", "0.5"));
    int days = Integer.getInteger("trailhound.investigate.days", 1);
    if (scale != 0.5 || days != 1) {
      seed = seed == DEFAULT_SEED ? seed + 1 : seed; // the golden file is for the default size
    }
    sim =
        Simulator.run(
            SimulationOptions.defaults(seed, tmp.resolve("sim")).withScale(scale).withDays(days));
    scanned = Scanned.of(sim.inputs().toArray(Path[]::new));
    boolean explain = Boolean.getBoolean("trailhound.investigate.explain");
    EvidenceScore.Tally tally = new EvidenceScore.Tally(sim.truth(), scanned.index());
    Map<String, TruthScenario> owner = new HashMap<>();
    sim.truth().scenarios().forEach(t -> t.eventIds().forEach(id -> owner.put(id, t)));
    Investigator investigator = scanned.investigator();
    for (Finding f : scanned.result().findings()) {
      if (f.severity().atLeast(Severity.LOW)) {
        Investigation inv = investigator.investigate(f);
        tally.add(inv);
        if (observe(inv, owner) && explain) {
          kept.add(inv);
        }
      }
    }
    scores = tally.scores();
  }

  /** Keeps what the tests need of one investigation; true when it holds attack events. */
  private static boolean observe(Investigation inv, Map<String, TruthScenario> owner) {
    Set<String> evidence = new HashSet<>(inv.evidence());
    Set<TruthScenario> attacks = new java.util.LinkedHashSet<>();
    for (String id : inv.evidence()) {
      TruthScenario t = owner.get(id);
      if (t != null) {
        attacks.add(t);
        investigatedAttack.add(id);
      }
    }
    if (attacks.isEmpty()) {
      return false;
    }
    judged.add(new Judged(inv.rule(), List.copyOf(attacks), inv.verdict()));
    for (TruthScenario t : attacks) {
      if (TAKEOVERS.contains(t.kind())
          && evidence.containsAll(t.eventIds())
          && inv.actor().links().stream()
              .anyMatch(l -> l.kind().endsWith("-from-sign-in-address"))) {
        takeoversFollowed.add(t.id());
      }
    }
    TruthScenario compromise =
        sim.truth().scenarios().stream()
            .filter(t -> t.kind().equals("credential-compromise"))
            .findFirst()
            .orElseThrow();
    if (evidence.containsAll(compromise.eventIds())
        && (golden == null
            || inv.evidence().size() < golden.evidence().size()
            || inv.evidence().size() == golden.evidence().size()
                && inv.findingId().compareTo(golden.findingId()) < 0)) {
      golden = inv;
    }
    return true;
  }

  @Test
  void every_scenario_is_investigated_with_precise_complete_evidence_and_its_persistence() {
    scores.forEach(s -> System.out.println("seed " + seed + "  " + s));
    if (Boolean.getBoolean("trailhound.investigate.explain")) {
      explain(scores);
    }

    assertThat(scores)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.investigations()).as(s.scenario()).isPositive();
              assertThat(s.precision()).as(s + " precision").isGreaterThanOrEqualTo(0.95);
              assertThat(s.recall()).as(s + " recall").isGreaterThanOrEqualTo(0.95);
              assertThat(s.patientZero()).as(s + " patient zero").isTrue();
              assertThat(s.persistenceFound())
                  .as(s + " persistence")
                  .isEqualTo(s.persistenceExpected());
            });
  }

  /** Why a scenario falls short: the covering investigations' seeds and foreign evidence. */
  private static void explain(List<EvidenceScore> scores) {
    for (EvidenceScore sc : scores) {
      if (sc.precision() >= 0.95 && sc.patientZero() && !PIVOTS.contains(kind(sc.scenario()))) {
        continue;
      }
      var scenario =
          sim.truth().scenarios().stream()
              .filter(t -> t.id().equals(sc.scenario()))
              .findFirst()
              .get();
      java.util.Set<String> mine = new java.util.HashSet<>(scenario.eventIds());
      java.util.Set<String> attack = new java.util.HashSet<>();
      sim.truth().scenarios().forEach(t -> attack.addAll(t.eventIds()));
      System.out.println(
          "== " + sc + " actor " + scenario.actorArn() + " key " + scenario.actorKey());
      String first =
          scenario.eventIds().stream()
              .map(scanned.index()::byId)
              .flatMap(java.util.Optional::stream)
              .min(EventRecord.ORDER)
              .map(e -> e.id() + " " + e.time() + " " + e.api() + " " + e.ip())
              .orElse("-");
      System.out.println("   scenario first " + first);
      for (Finding f : scanned.result().findings()) {
        if (f.evidence().stream().anyMatch(mine::contains)) {
          System.out.println(
              "   finding " + f.rule().name() + " " + f.severity() + " " + f.id().substring(0, 8));
          for (String id : f.evidence()) {
            scanned
                .index()
                .byId(id)
                .ifPresent(
                    e ->
                        System.out.println(
                            "      "
                                + (mine.contains(id) ? "A " : "- ")
                                + e.time()
                                + " "
                                + e.api()
                                + " "
                                + e.ip()
                                + " ro="
                                + e.readOnly()
                                + " "
                                + e.accessKeyId()));
          }
          java.util.List<EventRecord> seeds = Footprint.seeds(f, scanned.index());
          System.out.println("      scope " + Footprint.scope(seeds, scanned.index()));
        }
      }
      for (Investigation inv : kept) {
        if (inv.evidence().stream().noneMatch(mine::contains)) {
          continue;
        }
        var foreign =
            inv.evidence().stream()
                .filter(id -> !attack.contains(id))
                .map(id -> scanned.index().byId(id).get())
                .toList();
        System.out.println(
            "   inv "
                + inv.rule()
                + " "
                + inv.findingId().substring(0, 8)
                + " evidence "
                + inv.evidence().size()
                + " foreign "
                + foreign.size()
                + " zero "
                + (inv.timeline().patientZero() == null
                    ? "-"
                    : inv.timeline().patientZero().eventId()
                        + " "
                        + inv.timeline().patientZero().time()
                        + " "
                        + inv.timeline().patientZero().api()
                        + " "
                        + inv.timeline().patientZero().ip()));
        Finding f =
            scanned.result().findings().stream()
                .filter(x -> x.id().equals(inv.findingId()))
                .findFirst()
                .orElse(null);
        if (f != null) {
          for (String id : f.evidence()) {
            EventRecord e = scanned.index().byId(id).orElse(null);
            if (e != null) {
              System.out.println(
                  "      seed "
                      + (mine.contains(id) ? "A " : attack.contains(id) ? "O " : "- ")
                      + line(e));
            }
          }
        }
        foreign.stream().limit(6).forEach(e -> System.out.println("      foreign " + line(e)));
      }
    }
  }

  /** An event as the explanation prints it: time, API, address, key and caller. */
  private static String line(EventRecord e) {
    return String.join(
        " ", String.valueOf(e.time()), e.api(), e.ip(), e.accessKeyId(), e.principalArn());
  }

  /**
   * Attacks that pivot from a leaked key into an instance's role (its credentials stolen and used
   * elsewhere, or used from a shell on the instance itself): both sets of credentials are
   * investigated.
   */
  @Test
  void both_credentials_of_an_attack_that_pivots_into_an_instance_role_are_investigated() {
    var pivots = sim.truth().scenarios().stream().filter(s -> PIVOTS.contains(s.kind())).toList();
    assertThat(pivots).extracting(TruthScenario::kind).containsAll(PIVOTS);
    for (TruthScenario s : pivots) {
      Set<String> principals = new HashSet<>();
      Set<String> investigated = new HashSet<>();
      for (String id : s.eventIds()) {
        String principal = scanned.index().byId(id).orElseThrow().principalArn();
        principals.add(principal);
        if (investigatedAttack.contains(id)) {
          investigated.add(principal);
        }
      }
      assertThat(principals).as(s.id()).hasSize(2);
      assertThat(investigated).as(s.id()).isEqualTo(principals);
    }
  }

  @Test
  void every_account_takeover_is_followed_from_its_identity_provider_records_into_aws() {
    var takeovers =
        sim.truth().scenarios().stream().filter(s -> TAKEOVERS.contains(s.kind())).toList();
    assertThat(takeovers).extracting(TruthScenario::kind).containsAll(TAKEOVERS);
    for (TruthScenario s : takeovers) {
      List<String> identity =
          s.eventIds().stream()
              .filter(
                  id -> !"cloudtrail".equals(scanned.index().byId(id).orElseThrow().sourceType()))
              .toList();
      assertThat(identity).as(s.id()).isNotEmpty().hasSizeLessThan(s.eventIds().size());
    }
    // one investigation holds both the identity-provider records and the AWS calls, and links them
    assertThat(takeoversFollowed)
        .containsExactlyInAnyOrderElementsOf(takeovers.stream().map(TruthScenario::id).toList());
  }

  private static String kind(String scenarioId) {
    return scenarioId.substring(0, scenarioId.lastIndexOf('-'));
  }

  /**
   * Attacks that visibly do harm are judged malicious. A replay of a single Stratus technique may
   * leave no harm an investigator can see (a refused attempt, a token minted, a discovery sweep):
   * those are at least suspicious, never benign.
   */
  @Test
  void every_harmful_attack_is_judged_malicious_and_no_technique_replay_benign() {
    assertThat(judged).isNotEmpty();
    for (Judged j : judged) {
      boolean harmful = j.attacks().stream().anyMatch(s -> HARMFUL.contains(s.kind()));
      if (harmful) {
        assertThat(j.verdict().kind())
            .as("%s on %s: %s", j.rule(), j.attacks(), j.verdict())
            .isEqualTo(Verdict.Kind.MALICIOUS);
      } else {
        assertThat(j.verdict().kind())
            .as("%s on %s: %s", j.rule(), j.attacks(), j.verdict())
            .isIn(Verdict.Kind.MALICIOUS, Verdict.Kind.SUSPICIOUS);
      }
    }
  }

  @Test
  void the_credential_compromise_timeline_matches_its_golden_file() throws IOException {
    assertThat(golden).as("an investigation with the whole credential compromise").isNotNull();
    Investigation inv = golden;
    StringBuilder b = new StringBuilder();
    b.append("actor ").append(inv.actor().display()).append('\n');
    b.append("verdict ").append(inv.verdict().kind().label()).append('\n');
    inv.persistence()
        .forEach(
            p ->
                b.append("persistence ")
                    .append(p.kind())
                    .append(' ')
                    .append(p.target())
                    .append(p.stillPresent() ? " present" : " removed")
                    .append('\n'));
    inv.privesc().forEach(p -> b.append("privesc ").append(p.id()).append('\n'));
    for (Step s : inv.timeline().steps()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s %s %-28s %-16s %-20s %-9s %s%n",
              s.time(),
              s.eventId(),
              s.api(),
              s.ip(),
              s.tactic(),
              s.technique(),
              s.errorCode() == null ? "ok" : s.errorCode()));
    }
    if (seed != DEFAULT_SEED) {
      return;
    }
    Path golden = GOLDEN.resolve("credential-compromise-" + DEFAULT_SEED + ".txt");
    if (Boolean.getBoolean("trailhound.regenerate")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, b.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertThat(b.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
