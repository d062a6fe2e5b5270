package io.trailhound.simulate;

import io.trailhound.simulate.scenario.Scenario;
import io.trailhound.simulate.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to simulate.
 *
 * @param seed everything is drawn from it: the same seed gives the same bytes
 * @param out folder that receives {@code AWSLogs/...} and {@code ground-truth.json}
 * @param start first instant simulated (a fixed default, never the wall clock, so runs repeat)
 * @param days how many days to simulate
 * @param accounts number of accounts, the first being the management account
 * @param scale multiplies every background rate (1 = a small company)
 * @param sources the logs written (CloudTrail, flow logs, resolver logs, Okta, Entra ID)
 * @param scenarios kinds of attack injected ({@code credential-compromise}, ...); empty for all
 */
public record SimulationOptions(
    long seed,
    Path out,
    Instant start,
    int days,
    int accounts,
    double scale,
    Set<SimulatedSource> sources,
    Set<String> scenarios) {

  /** Monday 16 November 2026, 00:00 UTC. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-16T00:00:00Z");

  public SimulationOptions {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1");
    }
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts must be at least 1");
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive");
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one source must be written");
    }
    sources = Set.copyOf(sources);
    scenarios = Set.copyOf(scenarios);
    Set<String> known = Scenarios.all().stream().map(Scenario::kind).collect(Collectors.toSet());
    for (String k : scenarios) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("unknown scenario: " + k);
      }
    }
  }

  /** Every scenario. */
  public SimulationOptions(
      long seed,
      Path out,
      Instant start,
      int days,
      int accounts,
      double scale,
      Set<SimulatedSource> sources) {
    this(seed, out, start, days, accounts, scale, sources, Set.of());
  }

  /** Whether attacks of {@code kind} are injected. */
  public boolean injects(String kind) {
    return scenarios.isEmpty() || scenarios.contains(kind);
  }

  /** Only attacks of these kinds. */
  public SimulationOptions withScenarios(Set<String> kinds) {
    return new SimulationOptions(seed, out, start, days, accounts, scale, sources, kinds);
  }

  /** Every source. */
  public SimulationOptions(
      long seed, Path out, Instant start, int days, int accounts, double scale) {
    this(seed, out, start, days, accounts, scale, EnumSet.allOf(SimulatedSource.class));
  }

  public boolean writes(SimulatedSource s) {
    return sources.contains(s);
  }

  public SimulationOptions withSources(Set<SimulatedSource> s) {
    return new SimulationOptions(seed, out, start, days, accounts, scale, s, scenarios);
  }

  public static SimulationOptions defaults(long seed, Path out) {
    return new SimulationOptions(seed, out, DEFAULT_START, 1, 3, 1.0);
  }

  public SimulationOptions withDays(int d) {
    return new SimulationOptions(seed, out, start, d, accounts, scale, sources, scenarios);
  }

  public SimulationOptions withAccounts(int n) {
    return new SimulationOptions(seed, out, start, days, n, scale, sources, scenarios);
  }

  public SimulationOptions withScale(double s) {
    return new SimulationOptions(seed, out, start, days, accounts, s, sources, scenarios);
  }
}
