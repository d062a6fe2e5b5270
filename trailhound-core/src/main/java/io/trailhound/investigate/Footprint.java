package io.trailhound.investigate;

import io.trailhound.finding.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's footprint: every event of the finding's credentials from the finding's source
 * addresses, from their first appearance to the end of the data, plus everything done with
 * credentials that footprint issued or created (role sessions it assumed, keys it made).
 *
 * <p>Scoping a long-term key to the addresses in the finding is what separates the attacker from
 * the key's owner, who keeps using the same key from their usual address; credentials the footprint
 * itself issued belong to the attacker wherever they are used from.
 */
final class Footprint {

  final List<EventRecord> seeds;
  final Set<String> ips;
  final Set<String> keys = new LinkedHashSet<>();
  final Set<String> principals = new LinkedHashSet<>();
  final Set<String> derivedKeys = new LinkedHashSet<>();
  final List<EventRecord> events;

  /** Shells the footprint opened on instances, whose calls with the instance role it holds. */
  final List<InstanceShell> shells = new ArrayList<>();

  private Footprint(List<EventRecord> seeds, Set<String> ips, List<EventRecord> events) {
    this.seeds = seeds;
    this.ips = ips;
    this.events = events;
  }

  /** The finding's evidence events, or its keys' and actor's events in its time range. */
  static List<EventRecord> seeds(Finding finding, EventLookup lookup) {
    List<EventRecord> seeds = new ArrayList<>();
    seeds.addAll(lookup.byIds(finding.evidence(), finding.firstSeen(), finding.lastSeen()));
    if (seeds.isEmpty()) {
      for (String key : finding.accessKeyIds()) {
        seeds.addAll(lookup.byAccessKey(key, finding.firstSeen(), finding.lastSeen()));
      }
      if (seeds.isEmpty() && finding.actor() != null) {
        seeds.addAll(lookup.byPrincipal(finding.actor(), finding.firstSeen(), finding.lastSeen()));
      }
    }
    return seeds;
  }

  /**
   * The addresses to scope the footprint to: the seeds' addresses, except that when some of them
   * are new for the seeds' credentials and others are ones those credentials already used before
   * the first seed, only the new ones. A finding that groups a day's matches of one actor can mix
   * the owner's work from their usual address with the attacker's from a new one; the owner's is
   * explained by its history. When history does not separate them (every address is new, or every
   * one known), the addresses that made changes, if the others only read (see {@link #changers}).
   */
  static Set<String> scope(List<EventRecord> seeds, EventLookup lookup) {
    Set<String> all = addresses(seeds);
    if (all.size() < 2) {
      return all;
    }
    if (seeds.stream().allMatch(IdentityBridge::fromIdentityProvider)) {
      return IdentityBridge.scope(seeds, all);
    }
    java.time.Instant first =
        seeds.stream().map(EventRecord::time).min(java.time.Instant::compareTo).orElseThrow();
    Set<String> known = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    Set<String> principals = new LinkedHashSet<>();
    for (EventRecord s : seeds) {
      if (s.accessKeyId() != null) {
        keys.add(s.accessKeyId());
      }
      if (s.principalArn() != null) {
        principals.add(s.principalArn());
      }
    }
    for (String k : keys) {
      known.addAll(lookup.keyAddressesBefore(k, first));
    }
    for (String p : principals) {
      known.addAll(lookup.principalAddressesBefore(p, first));
    }
    Set<String> fresh = new LinkedHashSet<>(all);
    fresh.removeAll(known);
    Set<String> changed = changers(seeds);
    if (!fresh.isEmpty() && fresh.size() < all.size()) {
      // an address the credentials used before that changed something in the finding stays: an
      // attacker coming back from the address of an earlier visit, not the owner's daily reads
      fresh.addAll(changed);
      return fresh.size() == all.size() ? all : fresh;
    }
    return changed.isEmpty() || changed.size() == all.size() ? all : changed;
  }

  /**
   * Addresses of the seeds that changed something (a successful call not marked read-only). When
   * history cannot tell the owner's address from the attacker's — the finding's first seed is the
   * owner's own call, on the first day of the data or from an address new that day — a chain
   * finding still can: its escalation and persistence steps came from the attacker, while the
   * owner's calls it picked up only read (a {@code ListRoles}, a {@code GetObject} of the owner's
   * daily work that matched a discovery or data-access step).
   */
  private static Set<String> changers(List<EventRecord> seeds) {
    Set<String> out = new LinkedHashSet<>();
    for (EventRecord s : seeds) {
      if (isAddress(s.ip()) && !s.failed() && Boolean.FALSE.equals(s.readOnly())) {
        out.add(s.ip());
      }
    }
    return out;
  }

  /** Addresses of the seeds: the scope of long-term credentials. */
  static Set<String> addresses(List<EventRecord> seeds) {
    Set<String> ips = new LinkedHashSet<>();
    for (EventRecord s : seeds) {
      if (isAddress(s.ip())) {
        ips.add(s.ip());
      }
    }
    return ips;
  }

  /** The footprint grown from {@code seeds}, with long-term credentials scoped to {@code ips}. */
  static Footprint of(List<EventRecord> seeds, Set<String> ips, EventLookup lookup) {
    // The finding's own events from an address the scope left out (the owner's calls a grouped
    // finding picked up) are not the attacker's.
    List<EventRecord> kept = seeds.stream().filter(s -> inScope(s, ips)).toList();
    // in the scope's order (first seen first), kept so: the response blocks the addresses in it
    Footprint f =
        new Footprint(
            kept,
            java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ips)),
            new ArrayList<>());
    for (EventRecord s : kept) {
      if (s.accessKeyId() != null) {
        f.keys.add(s.accessKeyId());
      }
      if (s.principalArn() != null) {
        f.principals.add(s.principalArn());
      }
    }
    upstream(f, lookup);
    List<EventRecord> credentials = lookup.credentials(f.keys, f.principals, ips);
    // sized once: a busy actor's credentials bring hundreds of thousands of events
    Map<String, EventRecord> found =
        new LinkedHashMap<>((kept.size() + credentials.size()) * 4 / 3 + 16);
    for (EventRecord s : kept) {
      found.put(s.id(), s);
    }
    credentials.forEach(e -> found.putIfAbsent(e.id(), e));
    Deque<EventRecord> work = new ArrayDeque<>(found.values());
    while (!work.isEmpty()) {
      EventRecord e = work.poll();
      if (e.failed()) {
        continue;
      }
      for (String path : List.of(EventRecord.ISSUED_KEY, EventRecord.CREATED_KEY)) {
        String derived = e.field(path);
        if (derived != null && f.derivedKeys.add(derived)) {
          for (EventRecord d : lookup.byAccessKey(derived, null, null)) {
            if (found.putIfAbsent(d.id(), d) == null) {
              work.add(d);
            }
          }
        }
      }
      List<EventRecord> reached = new ArrayList<>(stolen(e, ips, lookup));
      for (InstanceShell shell : InstanceShell.opened(e, lookup)) {
        f.shells.add(shell);
        reached.addAll(shell.calls());
      }
      for (EventRecord d : reached) {
        if (d.accessKeyId() != null) {
          f.derivedKeys.add(d.accessKeyId());
        }
        if (found.putIfAbsent(d.id(), d) == null) {
          work.add(d);
        }
      }
    }
    List<EventRecord> all = new ArrayList<>(found.values());
    all.sort(EventRecord.ORDER);
    return new Footprint(f.seeds, f.ips, all).with(f);
  }

  /**
   * Calls made with the role credentials of an instance {@code command} ran a command on (SSM
   * {@code SendCommand}) or opened a shell on (SSM {@code StartSession}), from one of the
   * footprint's own addresses after the command: the shell read them from the instance metadata
   * service and the attacker uses them from outside. The instance's own calls with its role come
   * from the instance's address and stay out (calls from the shell itself, on the instance, are
   * {@link InstanceShell}'s). EC2 names an instance's role session after the instance id.
   */
  static List<EventRecord> stolen(EventRecord command, Set<String> ips, EventLookup lookup) {
    List<String> targets = InstanceShell.targets(command);
    if (targets.isEmpty() || ips.isEmpty()) {
      return List.of();
    }
    Set<String> ids = Set.copyOf(targets);
    List<EventRecord> out = new ArrayList<>();
    for (String ip : ips) {
      for (EventRecord e : lookup.byIp(ip, command.time(), null)) {
        if (e.sessionName() != null
            && ids.contains(e.sessionName())
            && e.principalArn() != null
            && e.principalArn().contains(":assumed-role/")) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * The credentials that issued the seeds' temporary keys, up the role chain: the same actor before
   * they hopped (scoped to the same addresses like every other credential).
   */
  private static void upstream(Footprint f, EventLookup lookup) {
    java.util.Deque<String> work = new java.util.ArrayDeque<>(f.keys);
    int steps = 0;
    while (!work.isEmpty() && steps++ < 64) {
      String key = work.poll();
      if (!key.startsWith("ASIA")) {
        continue;
      }
      lookup
          .issuing(key)
          .ifPresent(
              issuer -> {
                if (issuer.accessKeyId() != null && f.keys.add(issuer.accessKeyId())) {
                  work.add(issuer.accessKeyId());
                }
                if (issuer.principalArn() != null) {
                  f.principals.add(issuer.principalArn());
                }
              });
    }
  }

  private Footprint with(Footprint other) {
    shells.addAll(other.shells);
    keys.addAll(other.keys);
    principals.addAll(other.principals);
    derivedKeys.addAll(other.derivedKeys);
    return this;
  }

  /** Within the scope: any address when the scope is empty, and calls made by AWS services. */
  private static boolean inScope(EventRecord e, Set<String> ips) {
    return ips.isEmpty() || !isAddress(e.ip()) || ips.contains(e.ip());
  }

  /** A caller address, not an AWS service name or {@code AWS Internal}. */
  static boolean isAddress(String ip) {
    if (ip == null || ip.isEmpty() || ip.endsWith(".amazonaws.com") || ip.contains(" ")) {
      return false;
    }
    char c = ip.charAt(0);
    return Character.isDigit(c) || ip.indexOf(':') >= 0;
  }
}
