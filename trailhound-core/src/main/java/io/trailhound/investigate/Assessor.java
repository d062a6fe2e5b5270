package io.trailhound.investigate;

import io.trailhound.finding.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Triage score and verdict of a footprint, each with its reasons and evidence. */
final class Assessor {

  /** Earlier sessions or days of routine work needed before a footprint counts as routine. */
  static final int ROUTINE_MIN_RUNS = 3;

  private static final Set<String> STRONG_TACTICS =
      Set.of(
          "persistence",
          "privilege-escalation",
          "defense-evasion",
          "exfiltration",
          "impact",
          "credential-access");

  private final EventLookup lookup;

  Assessor(EventLookup lookup) {
    this.lookup = lookup;
  }

  Triage triage(
      Severity severity,
      String ruleOrigin,
      ResolvedActor actor,
      List<EventRecord> events,
      List<PrivescMatch> privesc) {
    List<Triage.Factor> f = new ArrayList<>();
    f.add(
        new Triage.Factor(
            "severity", severity.ordinal() + 1, "finding severity " + severity.label()));
    if (actor.root()) {
      f.add(new Triage.Factor("privilege", 2.0, "root user"));
    } else if (admin(events, actor)) {
      f.add(new Triage.Factor("privilege", 1.5, "administrator policy attached or assumed"));
    } else if (!privesc.isEmpty()) {
      f.add(new Triage.Factor("privilege", 1.5, "privilege escalation " + privesc.get(0).id()));
    } else {
      f.add(new Triage.Factor("privilege", 1.0, "no administrator rights seen"));
    }
    Set<String> sensitive = new TreeSet<>();
    boolean data = false;
    for (EventRecord e : events) {
      String svc = e.service() == null ? "" : e.service();
      if (e.failed()) {
        continue;
      }
      if (!Boolean.TRUE.equals(e.readOnly())
          && (svc.startsWith("iam.")
              || svc.startsWith("cloudtrail.")
              || svc.startsWith("kms.")
              || svc.startsWith("organizations.")
              || svc.startsWith("sts."))) {
        sensitive.add(svc.substring(0, svc.indexOf('.') < 0 ? svc.length() : svc.indexOf('.')));
      }
      if (svc.startsWith("secretsmanager.")
          || svc.startsWith("ssm.") && "GetParameter".equals(e.api())) {
        sensitive.add("secrets");
      }
      if (svc.startsWith("s3.") && e.api() != null && e.api().endsWith("Object")) {
        data = true;
      }
    }
    if (!sensitive.isEmpty()) {
      f.add(new Triage.Factor("sensitivity", 1.5, "changes to " + String.join(", ", sensitive)));
    } else if (data) {
      f.add(new Triage.Factor("sensitivity", 1.3, "S3 object data read or written"));
    } else {
      f.add(new Triage.Factor("sensitivity", 1.0, "no sensitive resources touched"));
    }
    if (ruleOrigin.startsWith("builtin:") || ruleOrigin.isEmpty()) {
      f.add(new Triage.Factor("confidence", 1.0, "built-in detection with fixtures"));
    } else if (ruleOrigin.startsWith("external:")) {
      f.add(new Triage.Factor("confidence", 0.9, "finding from another tool"));
    } else {
      f.add(new Triage.Factor("confidence", 0.8, "custom rule " + ruleOrigin));
    }
    double score = 1;
    for (Triage.Factor x : f) {
      score *= x.value();
    }
    return new Triage(Math.round(score * 100) / 100.0, f);
  }

  private static boolean admin(List<EventRecord> events, ResolvedActor actor) {
    for (String role : actor.values("role")) {
      String name = role.substring(role.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (name.contains("admin")) {
        return true;
      }
    }
    for (EventRecord e : events) {
      String policy = e.field("requestParameters.policyArn");
      if (!e.failed() && policy != null && policy.endsWith("/AdministratorAccess")) {
        return true;
      }
    }
    return false;
  }

  Verdict verdict(
      Severity severity,
      ResolvedActor actor,
      Footprint footprint,
      Timeline timeline,
      List<Persistence> persistence,
      List<PrivescMatch> privesc,
      RoutineHistory history) {
    List<Verdict.Reason> strong = new ArrayList<>();
    for (Persistence p : persistence) {
      strong.add(
          new Verdict.Reason(
              "left "
                  + p.kind()
                  + " "
                  + p.target()
                  + " ("
                  + p.detail()
                  + ")"
                  + (p.stillPresent()
                      ? ", still present at the end of the data"
                      : ", since removed"),
              List.of(p.eventId())));
    }
    for (PrivescMatch m : privesc) {
      if (!m.category().equals("principal-access") || m.events().size() > 1) {
        strong.add(
            new Verdict.Reason(
                "privilege escalation " + m.id() + " (" + m.method() + ")", m.events()));
      }
    }
    for (String tactic :
        List.of("defense-evasion", "exfiltration", "impact", "credential-access")) {
      List<String> ids = timeline.byTactic().getOrDefault(tactic, List.of());
      Set<String> idSet = new java.util.HashSet<>(ids);
      long ok =
          timeline.steps().stream()
              .filter(s -> s.errorCode() == null && idSet.contains(s.eventId()))
              .count();
      if (ok > 0) {
        strong.add(
            new Verdict.Reason(
                ok + " successful " + tactic.replace('-', ' ') + " call(s)", head(ids)));
      }
    }
    List<Verdict.Reason> context = new ArrayList<>();
    Routine routine = routine(history);
    List<String> newIps = newAddresses(footprint);
    Verdict.Reason guessed = passwordGuessed(footprint, newIps);
    if (guessed != null) {
      strong.add(guessed);
    }
    if (!newIps.isEmpty()) {
      context.add(
          new Verdict.Reason(
              "source address "
                  + String.join(", ", newIps)
                  + " never used by these credentials before patient zero",
              timeline.patientZero() == null
                  ? List.of()
                  : List.of(timeline.patientZero().eventId())));
    }
    for (InstanceShell shell : footprint.shells) {
      context.add(new Verdict.Reason(shell.reason(), shell.evidence()));
    }
    if (timeline.failed() > 0) {
      List<String> failedIds =
          timeline.steps().stream().filter(s -> s.errorCode() != null).map(Step::eventId).toList();
      context.add(new Verdict.Reason(timeline.failed() + " failed call(s)", head(failedIds)));
    }
    if (actor.root()) {
      context.add(
          new Verdict.Reason(
              "root user activity", head(footprint.events.stream().map(EventRecord::id).toList())));
    }
    List<Verdict.Reason> reasons = new ArrayList<>(strong);
    reasons.addAll(context);
    if (routine != null && explained(routine, persistence, privesc)) {
      List<Verdict.Reason> benign = new ArrayList<>(routine.reasons);
      benign.add(
          new Verdict.Reason(
              persistence.isEmpty()
                  ? "no persistence and no privilege escalation left behind"
                  : "its changes (" + persistence.size() + ") are the work it does every run",
              List.of()));
      return new Verdict(Verdict.Kind.BENIGN_EXPLAINED, benign);
    }
    boolean malicious =
        (!strong.isEmpty() && (!newIps.isEmpty() || actor.root() || strong.size() >= 2))
            || (severity.atLeast(Severity.HIGH) && !newIps.isEmpty())
            || (actor.root() && !newIps.isEmpty());
    if (reasons.isEmpty()) {
      reasons.add(
          new Verdict.Reason(
              "finding severity " + severity.label() + "; nothing explains it as routine",
              List.of()));
    }
    return new Verdict(malicious ? Verdict.Kind.MALICIOUS : Verdict.Kind.SUSPICIOUS, reasons);
  }

  /**
   * A console sign-in without MFA from a new address that succeeded after failed attempts from the
   * same address: a guessed or stolen password.
   */
  private static Verdict.Reason passwordGuessed(Footprint f, List<String> newIps) {
    List<String> failed = new ArrayList<>();
    for (EventRecord e : f.events) {
      if (!"ConsoleLogin".equals(e.api()) || !newIps.contains(e.ip())) {
        continue;
      }
      if (e.failed()) {
        failed.add(e.id());
      } else if (!failed.isEmpty() && !"Yes".equals(e.field("additionalEventData.MFAUsed"))) {
        List<String> ids = new ArrayList<>(failed);
        ids.add(e.id());
        return new Verdict.Reason(
            "console sign-in without MFA from a new address after "
                + failed.size()
                + " failed attempt(s)",
            head(ids));
      }
    }
    return null;
  }

  /** Addresses of the footprint the same credentials or principal never used before it began. */
  private List<String> newAddresses(Footprint f) {
    if (f.events.isEmpty()) {
      return List.of();
    }
    Instant start = f.events.get(0).time();
    Set<String> before = new LinkedHashSet<>();
    for (String key : f.keys) {
      before.addAll(lookup.keyAddressesBefore(key, start));
    }
    for (String p : f.principals) {
      before.addAll(lookup.principalAddressesBefore(p, start));
    }
    Set<String> shell = new java.util.HashSet<>();
    f.shells.forEach(s -> s.calls().forEach(c -> shell.add(c.id())));
    Set<String> out = new TreeSet<>();
    for (EventRecord e : f.events) {
      // a shell's calls come from the instance's own address, which is not the attacker's
      if (Footprint.isAddress(e.ip()) && !before.contains(e.ip()) && !shell.contains(e.id())) {
        out.add(e.ip());
      }
    }
    return List.copyOf(out);
  }

  private record Routine(List<Verdict.Reason> reasons, Set<String> apis) {}

  /** Footholds a routine job may leave (a deploy updates code); never new users, keys, trusts. */
  private static final Set<String> ROUTINE_PERSISTENCE =
      Set.of("lambda", "instance-user-data", "policy-version", "permission-grant");

  /**
   * Routine when every API of the finding's runs (its sessions, or its days for long-term
   * credentials) also appears in at least {@link #ROUTINE_MIN_RUNS} other runs of the same role or
   * user, from the same networks.
   */
  private Routine routine(RoutineHistory h) {
    if (h.owner == null) {
      return null;
    }
    String owner = h.owner;
    Set<String> seedRuns = h.seedRuns;
    Set<String> apis = h.apis;
    Set<String> nets = h.nets;
    java.util.Map<String, Set<String>> runsPerApi = new java.util.TreeMap<>();
    java.util.Map<String, String> sample = new java.util.TreeMap<>();
    Set<String> otherRuns = new TreeSet<>();
    for (Usage u : h.usage()) {
      String run = u.run();
      if (seedRuns.contains(run) || !nets.contains(network(u.ip()))) {
        continue;
      }
      runsPerApi.computeIfAbsent(u.api(), k -> new TreeSet<>()).add(run);
      sample.putIfAbsent(run, u.firstId());
      otherRuns.add(run);
    }
    for (String api : apis) {
      if (runsPerApi.getOrDefault(api, Set.of()).size() < ROUTINE_MIN_RUNS) {
        return null;
      }
    }
    List<String> examples = head(otherRuns.stream().map(sample::get).toList());
    List<Verdict.Reason> reasons = new ArrayList<>();
    reasons.add(
        new Verdict.Reason(
            "every API call of this work ("
                + String.join(", ", apis)
                + ") recurs in at least "
                + ROUTINE_MIN_RUNS
                + " of "
                + otherRuns.size()
                + " other sessions or days of "
                + owner,
            examples));
    reasons.add(
        new Verdict.Reason(
            "from networks that work always uses: " + String.join(", ", nets), examples));
    return new Routine(reasons, apis);
  }

  private static String run(EventRecord e) {
    return Usage.run(e);
  }

  private static boolean explained(
      Routine routine, List<Persistence> persistence, List<PrivescMatch> privesc) {
    for (Persistence p : persistence) {
      if (!ROUTINE_PERSISTENCE.contains(p.kind())) {
        return false;
      }
    }
    for (PrivescMatch m : privesc) {
      if (!m.category().equals("existing-passrole") && !m.category().equals("new-passrole")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The /16 of an IPv4 address (the /32 of an IPv6 one's first four groups); the text otherwise.
   */
  static String network(String ip) {
    if (ip == null) {
      return "-";
    }
    if (ip.indexOf(':') >= 0) {
      String[] g = ip.split(":");
      return g.length >= 2 ? g[0] + ":" + g[1] + "::/32" : ip;
    }
    String[] o = ip.split("\\.");
    return o.length == 4 ? o[0] + "." + o[1] + ".0.0/16" : ip;
  }

  private static List<String> head(List<String> ids) {
    return ids.size() <= 5 ? ids : ids.subList(0, 5);
  }
}
