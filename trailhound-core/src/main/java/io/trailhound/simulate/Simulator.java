package io.trailhound.simulate;

import io.trailhound.simulate.activity.Background;
import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.DeliveryWriter;
import io.trailhound.simulate.cloudtrail.Ids;
import io.trailhound.simulate.identity.IdentityLogs;
import io.trailhound.simulate.network.NetworkLogs;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.OrgFactory;
import io.trailhound.simulate.scenario.Launched;
import io.trailhound.simulate.scenario.Planned;
import io.trailhound.simulate.scenario.Scenario;
import io.trailhound.simulate.scenario.ScenarioContext;
import io.trailhound.simulate.scenario.Scenarios;
import io.trailhound.simulate.truth.GroundTruth;
import io.trailhound.simulate.truth.TruthScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Simulates an organisation's CloudTrail logs with labelled attacks, and beside them the VPC Flow
 * Logs and Route 53 Resolver query logs of its instances and the Okta and Entra ID sign-ins of its
 * people. Time advances in five-minute windows; each window's records are written and forgotten, so
 * memory depends on the rate ({@code scale}, accounts), never on the number of days. Attack calls
 * are planned up front (a few hundred per scenario) and merged into their windows.
 */
public final class Simulator {

  /** CloudTrail delivers about every five minutes; one object per account and region. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private Simulator() {}

  /** Runs the simulation into {@code options.out()}. */
  public static SimulationSummary run(SimulationOptions options) throws IOException {
    Instant start = options.start();
    Instant end = start.plus(Duration.ofDays(options.days()));
    Org org = OrgFactory.create(options.seed(), options.accounts(), start, end);
    SplittableRandom root = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + 17);
    List<Planned> attacks = plan(org, root.split(), start, end, options);
    List<Call> pending = new ArrayList<>();
    attacks.forEach(p -> pending.addAll(p.calls()));
    pending.sort(Comparator.comparing(Call::time));

    Files.createDirectories(options.out());
    DeliveryWriter writer = new DeliveryWriter(options.out(), root.split(), options.seed());
    Background background = new Background(org, new Calls(new Ids(root.split())), options.scale());
    // Split after the CloudTrail streams, so adding these sources left CloudTrail's bytes as they
    // were.
    List<Launched> launched = new ArrayList<>();
    List<String> launchedBy = new ArrayList<>();
    for (Planned p : attacks) {
      p.launched().forEach(l -> launchedBy.add(p.id()));
      launched.addAll(p.launched());
    }
    NetworkLogs network =
        new NetworkLogs(
            options.out(),
            options.seed(),
            org,
            launched,
            launchedBy,
            root.split(),
            options.scale(),
            options.writes(SimulatedSource.VPCFLOW),
            options.writes(SimulatedSource.DNS));
    IdentityLogs identity =
        new IdentityLogs(
            options.out(),
            org,
            root.split(),
            options.writes(SimulatedSource.OKTA),
            options.writes(SimulatedSource.ENTRA),
            options.writes(SimulatedSource.M365));
    attacks.forEach(p -> identity.attacks(p.identity()));
    boolean cloudTrail = options.writes(SimulatedSource.CLOUDTRAIL);
    Consumer<Call> sink = cloudTrail ? writer::add : c -> {};
    int next = 0;
    Instant w = start;
    for (; w.isBefore(end) || next < pending.size(); w = w.plus(WINDOW)) {
      Instant windowEnd = w.plus(WINDOW);
      if (w.isBefore(end)) {
        background.window(w, WINDOW, sink);
        identity.window(w, WINDOW);
      }
      network.window(w, WINDOW, w.isBefore(end));
      while (next < pending.size() && pending.get(next).time().isBefore(windowEnd)) {
        sink.accept(pending.get(next++));
      }
      if (cloudTrail) {
        writer.flush(windowEnd);
      }
    }
    if (cloudTrail) {
      writer.finish(start, w);
    }
    network.finish();
    identity.finish();
    GroundTruth truth = truth(options.seed(), org, attacks, network, identity);
    Path truthFile = options.out().resolve("ground-truth.json");
    truth.write(truthFile);
    return new SimulationSummary(
        writer.files(),
        writer.events(),
        writer.bytes(),
        options.out().resolve("AWSLogs"),
        truthFile,
        truth,
        new SimulationSummary.Other(
            network.files(),
            network.flowRecords(),
            network.dnsQueries(),
            identity.files(),
            identity.records()));
  }

  /** One round of every scenario per simulated day, each at a random time of its day. */
  private static List<Planned> plan(
      Org org, SplittableRandom r, Instant start, Instant end, SimulationOptions options) {
    List<Planned> out = new ArrayList<>();
    List<Account> targets =
        org.accounts().size() > 1
            ? org.accounts().subList(1, org.accounts().size())
            : org.accounts();
    int n = 0;
    for (Instant day = start; day.isBefore(end); day = day.plus(Duration.ofDays(1))) {
      for (Scenario s : Scenarios.all()) {
        if (!options.injects(s.kind())) {
          continue;
        }
        n++;
        Account account = targets.get(r.nextInt(targets.size()));
        Instant at = day.plusSeconds(3600 + r.nextLong(Duration.ofHours(19).toSeconds()));
        Calls calls = new Calls(new Ids(r.split()));
        Planned p = s.plan(new ScenarioContext(org, account, at, calls));
        out.add(p.as(s.kind() + "-" + n, s));
      }
    }
    return out;
  }

  private static GroundTruth truth(
      long seed, Org org, List<Planned> attacks, NetworkLogs network, IdentityLogs identity) {
    List<TruthScenario> scenarios = new ArrayList<>();
    for (Planned p : attacks) {
      // The attacker's identity-provider records are events of the attack like its API calls.
      List<String> ids = new ArrayList<>(p.calls().stream().map(Call::eventId).toList());
      p.identity().stream()
          .filter(r -> r.attack() && identity.writes(r.source()))
          .forEach(r -> ids.add(r.id()));
      scenarios.add(
          new TruthScenario(
              p.id(),
              p.scenario().kind(),
              p.scenario().name(),
              p.scenario().techniques(),
              p.actorArn(),
              p.actorKey(),
              p.account(),
              p.first(),
              p.last(),
              ids,
              network.minerIds(p.id()),
              network.minerEvidence(p.id())));
    }
    return new GroundTruth(
        seed, org.start(), org.end(), org.accounts().stream().map(Account::id).toList(), scenarios);
  }
}
