package io.trailhound.investigate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges investigations into incidents: two investigations join when they share the actor's
 * principal (an IAM user or root, not a role session ARN many sessions share), an access key (a
 * role session's own temporary key), a source address or an EC2 instance (one the actor launched,
 * the one a network finding names) and their activity lies within the window of each other
 * (union-find). Ids and order depend only on the findings.
 */
public final class Incidents {

  /** The default merge window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private Incidents() {}

  public static List<Incident> group(List<Investigation> all, Duration window) {
    List<Investigation> items = new ArrayList<>(all);
    items.sort(Comparator.comparing(Incidents::first).thenComparing(Investigation::findingId));
    int[] parent = new int[items.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, List<Integer>> byEntity = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      for (String entity : entities(items.get(i))) {
        byEntity.computeIfAbsent(entity, k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, java.util.Set<String>> why = new TreeMap<>();
    for (Map.Entry<String, List<Integer>> e : byEntity.entrySet()) {
      List<Integer> members = e.getValue();
      Instant reach = null;
      int previous = -1;
      for (int i : members) {
        Investigation inv = items.get(i);
        if (previous >= 0 && !first(inv).isAfter(reach.plus(window))) {
          union(parent, previous, i);
          why.computeIfAbsent(i, k -> new TreeSet<>()).add(e.getKey());
          why.computeIfAbsent(previous, k -> new TreeSet<>()).add(e.getKey());
        }
        reach = reach == null || last(inv).isAfter(reach) ? last(inv) : reach;
        previous = i;
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<Incident> out = new ArrayList<>();
    for (List<Integer> members : groups.values()) {
      List<Investigation> invs = members.stream().map(items::get).toList();
      Map<String, Step> steps = new TreeMap<>();
      TreeSet<String> shared = new TreeSet<>();
      Verdict.Kind verdict = Verdict.Kind.BENIGN_EXPLAINED;
      Instant first = null;
      Instant last = null;
      for (int m : members) {
        Investigation inv = items.get(m);
        shared.addAll(why.getOrDefault(m, java.util.Set.of()));
        for (Step s : inv.timeline().steps()) {
          steps.putIfAbsent(s.eventId(), s);
        }
        verdict = worse(verdict, inv.verdict().kind());
        first = first == null || first(inv).isBefore(first) ? first(inv) : first;
        last = last == null || last(inv).isAfter(last) ? last(inv) : last;
      }
      List<Step> timeline = new ArrayList<>(steps.values());
      timeline.sort(Comparator.comparing(Step::time).thenComparing(Step::eventId));
      out.add(new Incident(id(invs), first, last, verdict, List.copyOf(shared), invs, timeline));
    }
    out.sort(Comparator.comparing(Incident::first).thenComparing(Incident::id));
    return out;
  }

  /**
   * What identifies the actor of an investigation for merging: the principal when it is one
   * identity (an IAM user, root), the access keys (a role session's temporary key is that session),
   * the source addresses, the instances. Not the ARN of a role session: every session of an IAM
   * Identity Center user ({@code assumed-role/AWSReservedSSO_…/alice@…}), of an instance role
   * ({@code …/i-…}) or of a federated user has the same one, so a victim's own sessions would join
   * the incident of the one stolen from them.
   */
  static List<String> entities(Investigation inv) {
    TreeSet<String> out = new TreeSet<>();
    String principal = inv.actor().principal();
    if (principal != null && !sharedBySessions(principal)) {
      out.add("principal " + principal);
    }
    for (String key : inv.actor().values("access-key")) {
      out.add("key " + key);
    }
    for (String ip : inv.timeline().ips()) {
      out.add("ip " + ip);
    }
    for (String instance : inv.actor().values("instance")) {
      // launched by this actor (RunInstances): the instance's network findings join its incident
      out.add("instance " + instance);
    }
    if (inv.timeline().steps().isEmpty() && inv.reported() != null) {
      // No indexed events (network logs, other tools): the instance the finding names is the actor.
      for (String arn : inv.reported().resources()) {
        if (arn.contains(":instance/")) {
          out.add("instance " + arn);
        }
      }
    }
    return List.copyOf(out);
  }

  /** An ARN every session of a role or federated user carries, whoever holds the session. */
  static boolean sharedBySessions(String arn) {
    return arn.contains(":assumed-role/") || arn.contains(":federated-user/");
  }

  /**
   * The incidents in the order a reader should take them: malicious first, then suspicious, then
   * benign-explained; earliest first within a verdict.
   */
  public static List<Incident> bySeriousness(List<Incident> incidents) {
    return incidents.stream()
        .sorted(
            Comparator.comparing(Incident::verdict)
                .thenComparing(Incident::first)
                .thenComparing(Incident::id))
        .toList();
  }

  private static Verdict.Kind worse(Verdict.Kind a, Verdict.Kind b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  private static Instant first(Investigation inv) {
    Step zero = inv.timeline().patientZero();
    if (zero != null) {
      return zero.time();
    }
    return inv.reported() != null ? inv.reported().from() : Instant.EPOCH;
  }

  private static Instant last(Investigation inv) {
    List<Step> steps = inv.timeline().steps();
    if (!steps.isEmpty()) {
      return steps.get(steps.size() - 1).time();
    }
    return inv.reported() != null && inv.reported().to() != null ? inv.reported().to() : first(inv);
  }

  private static String id(List<Investigation> invs) {
    TreeSet<String> ids = new TreeSet<>();
    invs.forEach(i -> ids.add(i.findingId()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
      return "inc-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
