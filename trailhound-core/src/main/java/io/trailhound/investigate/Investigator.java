package io.trailhound.investigate;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Investigates findings the way an analyst would, over whatever {@link EventLookup} holds: resolve
 * the actor, collect their footprint from its first event, build the ATT&amp;CK timeline, look for
 * persistence and privilege escalation, score, conclude and plan the response. Deterministic: the
 * same events and finding give the same investigation.
 */
public final class Investigator {

  private final EventLookup lookup;
  private final ActorResolver resolver;
  private final PersistenceFinder persistence;
  private final Assessor assessor;

  public Investigator(EventLookup lookup) {
    this.lookup = lookup;
    this.resolver = new ActorResolver(lookup);
    this.persistence = new PersistenceFinder(lookup);
    this.assessor = new Assessor(lookup);
  }

  /** Investigates one finding. */
  public Investigation investigate(Finding finding) {
    List<EventRecord> found = Footprint.seeds(finding, lookup);
    // Calls an instance's role made from a shell someone opened on it: the footprint is theirs,
    // from the command or session that opened the shell (the instance's own work stays out).
    java.util.Optional<InstanceShell> shell = InstanceShell.behind(found, lookup);
    List<EventRecord> seeds = shell.map(s -> List.of(s.command())).orElse(found);
    Set<String> scope = Footprint.scope(seeds, lookup);
    // An identity-provider finding: follow the person into the AWS sessions they opened from there.
    IdentityBridge bridge = IdentityBridge.follow(seeds, scope, lookup);
    List<EventRecord> grown = new ArrayList<>(seeds);
    bridge.events.stream().filter(e -> !seeds.contains(e)).forEach(grown::add);
    Footprint footprint = Footprint.of(grown, scope, lookup);
    List<EventRecord> resolveFrom = new ArrayList<>(seeds);
    if (shell.isPresent()) {
      found.stream().filter(e -> !resolveFrom.contains(e)).forEach(resolveFrom::add);
    }
    Map<String, TimelineBuilder.RuleTag> tags = new HashMap<>();
    TimelineBuilder.RuleTag tag =
        new TimelineBuilder.RuleTag(
            List.of(finding.rule().name()),
            finding.rule().tactics().isEmpty() ? null : finding.rule().tactics().get(0),
            finding.rule().techniques().isEmpty() ? null : finding.rule().techniques().get(0));
    finding.evidence().forEach(id -> tags.put(id, tag));
    return assemble(
        finding.id(),
        finding.rule().name(),
        finding.title(),
        finding.severity(),
        finding.rule().origin(),
        resolveFrom,
        footprint,
        tags,
        bridge,
        finding.firstSeen() == null
            ? null
            : new Investigation.Reported(
                finding.firstSeen(),
                finding.lastSeen(),
                finding.actor(),
                finding.resources().stream().map(r -> r.arn()).filter(a -> a != null).toList()));
  }

  /**
   * Investigates an actor named by the user: an access key id, an address, or a principal ARN.
   * Every event of the key, the address or the principal is evidence, with what it issued; the
   * credentials up its role chain count from the addresses it used.
   */
  public Investigation investigateActor(String who) {
    List<EventRecord> seeds;
    Set<String> ips = new LinkedHashSet<>();
    if (who.startsWith("AKIA") || who.startsWith("ASIA")) {
      seeds = lookup.byAccessKey(who, null, null);
    } else if (Footprint.isAddress(who) && !who.startsWith("arn:")) {
      seeds = lookup.byIp(who, null, null);
      ips.add(who);
    } else {
      seeds = lookup.byPrincipal(who, null, null);
    }
    ips.addAll(Footprint.addresses(seeds));
    Footprint footprint = Footprint.of(seeds, ips, lookup);
    return assemble(
        "actor:" + who,
        "actor",
        "Activity of " + who,
        Severity.INFO,
        "",
        seeds,
        footprint,
        Map.of(),
        IdentityBridge.NONE,
        null);
  }

  private Investigation assemble(
      String id,
      String rule,
      String title,
      Severity severity,
      String origin,
      List<EventRecord> seeds,
      Footprint footprint,
      Map<String, TimelineBuilder.RuleTag> tags,
      IdentityBridge bridge,
      Investigation.Reported reported) {
    List<EventRecord> resolveFrom = new ArrayList<>(seeds);
    if (resolveFrom.isEmpty()) {
      resolveFrom.addAll(footprint.events);
    }
    ResolvedActor actor =
        shells(
            launched(
                bridge.onto(
                    resolver.resolve(resolveFrom.subList(0, Math.min(resolveFrom.size(), 50)))),
                footprint.events),
            footprint.shells);
    // the routine-work check's history query runs beside the timeline, persistence and triage
    RoutineHistory history = RoutineHistory.ask(actor, footprint, lookup);
    Timeline timeline;
    List<Persistence> left;
    List<PrivescMatch> privesc;
    Triage triage;
    Verdict verdict;
    try {
      timeline = TimelineBuilder.build(footprint.events, tags);
      left = persistence.find(footprint.events);
      privesc = privesc(footprint.events);
      triage = assessor.triage(severity, origin, actor, footprint.events, privesc);
      verdict = assessor.verdict(severity, actor, footprint, timeline, left, privesc, history);
    } finally {
      history.cancel();
    }
    List<ResponseAction> response = ResponsePlanner.plan(verdict, actor, footprint, left);
    String incomplete =
        lookup.overflow() > 0
            ? String.format(
                Locale.ROOT,
                "%,d events were not kept for investigation (index capacity reached): evidence may be incomplete",
                lookup.overflow())
            : "";
    return new Investigation(
        id,
        rule,
        title,
        severity,
        actor,
        triage,
        footprint.events.stream().map(EventRecord::id).toList(),
        timeline,
        left,
        privesc,
        verdict,
        response,
        incomplete,
        reported);
  }

  /**
   * The EC2 instances the footprint launched ({@code RunInstances} that succeeded), as identities
   * of the actor linked by the launch: network findings on those instances (flow, DNS, GuardDuty)
   * belong to the same incident.
   */
  static ResolvedActor launched(ResolvedActor actor, List<EventRecord> events) {
    List<Identity> identities = new ArrayList<>(actor.identities());
    // a set beside the list: a busy actor's footprint can hold thousands of launches, and a list
    // search per launch made this quadratic
    Set<Identity> known = new HashSet<>(identities);
    List<Link> links = new ArrayList<>(actor.links());
    String from = actor.principal() != null ? actor.principal() : actor.display();
    for (EventRecord e : events) {
      String ids = e.field(EventRecord.INSTANCES);
      if (e.failed() || ids == null || !"RunInstances".equals(e.api()) || e.account() == null) {
        continue;
      }
      for (String id : ids.split(" ")) {
        String arn = "arn:aws:ec2:" + e.region() + ":" + e.account() + ":instance/" + id;
        Identity instance = new Identity("instance", arn);
        if (known.add(instance)) {
          identities.add(instance);
          links.add(new Link(from, arn, "launched-instance", e.id()));
        }
      }
    }
    if (identities.size() == actor.identities().size()) {
      return actor;
    }
    return new ResolvedActor(actor.display(), actor.principal(), actor.root(), identities, links);
  }

  /**
   * The instance role sessions the footprint used through a shell it opened on an instance, as
   * identities of the actor linked by the command or session that opened the shell ({@code
   * shell-on-instance}).
   */
  static ResolvedActor shells(ResolvedActor actor, List<InstanceShell> shells) {
    if (shells.isEmpty()) {
      return actor;
    }
    List<Identity> identities = new ArrayList<>(actor.identities());
    List<Link> links = new ArrayList<>(actor.links());
    for (InstanceShell s : shells) {
      EventRecord c = s.command();
      String from = c.principalArn() != null ? c.principalArn() : c.accessKeyId();
      Identity session = new Identity("role-session", s.session());
      if (!identities.contains(session)) {
        identities.add(session);
      }
      Link link = new Link(from, s.session(), "shell-on-instance", c.id());
      if (!links.contains(link)) {
        links.add(link);
      }
    }
    return new ResolvedActor(actor.display(), actor.principal(), actor.root(), identities, links);
  }

  /** Catalogue methods all of whose events the footprint made successfully; the most specific. */
  static List<PrivescMatch> privesc(List<EventRecord> events) {
    Map<String, List<String>> byApi = new HashMap<>();
    Map<String, List<String>> passing = new HashMap<>();
    Map<String, String> bases = new HashMap<>();
    for (EventRecord e : events) {
      if (!e.failed()) {
        String api = bases.computeIfAbsent(e.api(), PrivescCatalog::baseApi);
        byApi.computeIfAbsent(api, k -> new ArrayList<>()).add(e.id());
        if (e.passesRole()) {
          passing.computeIfAbsent(api, k -> new ArrayList<>()).add(e.id());
        }
      }
    }
    List<PrivescCatalog.Method> hits = new ArrayList<>();
    for (PrivescCatalog.Method m : PrivescCatalog.methods()) {
      boolean passRole = m.name().contains("iam:PassRole");
      if (byApi.keySet().containsAll(m.events())
          && (!passRole || m.events().stream().anyMatch(passing::containsKey))) {
        hits.add(m);
      }
    }
    List<PrivescMatch> out = new ArrayList<>();
    for (PrivescCatalog.Method m : hits) {
      boolean subsumed =
          hits.stream()
              .anyMatch(
                  o ->
                      o != m
                          && o.events().size() > m.events().size()
                          && o.events().containsAll(m.events()));
      if (subsumed) {
        continue;
      }
      Set<String> ids = new HashSet<>();
      List<String> evidence = new ArrayList<>();
      for (String api : m.events().stream().sorted().toList()) {
        for (String eid : byApi.get(api)) {
          if (ids.add(eid) && evidence.size() < 10) {
            evidence.add(eid);
          }
        }
      }
      out.add(new PrivescMatch(m.id(), m.name(), m.category(), evidence));
    }
    return out;
  }
}
