package io.trailhound.investigate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The routine-work check's question about a footprint: how its owner (the role behind its sessions,
 * or its principal) used the footprint's APIs in every run, asked as soon as the footprint and its
 * actor are known and answered on a thread of its own. Over a store the answer scans the owner's
 * whole history (millions of events for a busy role), which so runs beside the timeline,
 * persistence and triage instead of after them. Nothing is kept between investigations.
 */
final class RoutineHistory {

  /** No question: the footprint has no owner to compare with, or its actor is root. */
  static final RoutineHistory NONE = new RoutineHistory(null, false, Set.of(), Set.of(), Set.of());

  /** Idle threads end after a minute; daemons, so an unfinished question never holds the JVM. */
  private static final ExecutorService ASK =
      io.trailhound.source.Workers.onDemand("routine-history");

  final String owner;
  final boolean role;

  /** Runs (see {@link Usage#run}) of the footprint's seeds. */
  final Set<String> seedRuns;

  /** APIs of the footprint's events in those runs. */
  final Set<String> apis;

  /** Networks (see {@link Assessor#network}) of those events. */
  final Set<String> nets;

  private Future<List<Usage>> usage;

  private RoutineHistory(
      String owner, boolean role, Set<String> seedRuns, Set<String> apis, Set<String> nets) {
    this.owner = owner;
    this.role = role;
    this.seedRuns = seedRuns;
    this.apis = apis;
    this.nets = nets;
  }

  /** Asks {@code lookup} about the owner of {@code f}'s first seed; {@link #NONE} when none. */
  static RoutineHistory ask(ResolvedActor actor, Footprint f, EventLookup lookup) {
    if (f.events.isEmpty() || f.seeds.isEmpty() || actor.root()) {
      return NONE;
    }
    EventRecord first = f.seeds.get(0);
    String owner;
    boolean role;
    if (first.issuerArn() != null
        && first.principalArn() != null
        && first.principalArn().contains(":assumed-role/")) {
      owner = first.issuerArn();
      role = true;
    } else if (first.principalArn() != null) {
      owner = first.principalArn();
      role = false;
    } else {
      return NONE;
    }
    Set<String> seedRuns = new TreeSet<>();
    f.seeds.forEach(e -> seedRuns.add(Usage.run(e)));
    Set<String> apis = new TreeSet<>();
    Set<String> nets = new TreeSet<>();
    Map<String, String> networks = new HashMap<>();
    for (EventRecord e : f.events) {
      if (seedRuns.contains(Usage.run(e))) {
        apis.add(e.api());
        nets.add(networks.computeIfAbsent(e.ip(), Assessor::network));
      }
    }
    RoutineHistory h = new RoutineHistory(owner, role, seedRuns, apis, nets);
    h.usage = ASK.submit(() -> lookup.usage(owner, role, apis));
    return h;
  }

  /** The owner's usage, earliest group first (waits for the answer). */
  List<Usage> usage() {
    if (usage == null) {
      return List.of();
    }
    try {
      return io.trailhound.source.Workers.result(usage, "reading the history of " + owner);
    } catch (CancellationException e) {
      throw new IllegalStateException("history of " + owner + " was cancelled", e);
    }
  }

  /** Drops the question when the investigation ended without the answer. */
  void cancel() {
    if (usage != null) {
      usage.cancel(false);
    }
  }
}
