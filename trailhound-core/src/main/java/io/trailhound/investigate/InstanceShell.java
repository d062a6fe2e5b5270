package io.trailhound.investigate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calls a shell opened on an EC2 instance (SSM {@code SendCommand} or {@code StartSession})
 * made with the instance's own role, told apart from the instance's routine work the way an analyst
 * does: they start after the command, from the same role session (EC2 names it after the instance
 * id) and usually the same address, but with a client the session never used before (the AWS CLI
 * where the instance's software uses an SDK and the SSM agent) or APIs it never called before
 * ({@code GetCallerIdentity}, IAM lists). The instance's role session is found through the calls
 * that name the instance (the SSM agent's {@code UpdateInstanceInformation} check-ins).
 *
 * <p>Bounds: the session's history is read over {@link #HISTORY} before the command; the shell's
 * calls must start within {@link #QUIET} of it and end at the first silence that long, at most
 * {@link #HORIZON} after it. With no history before the command nothing can be told apart and no
 * call is claimed; with less than a day of it only a new client counts (an API the instance has not
 * called yet may be one it calls once a day). Calls of earlier shells on the instance (told apart
 * the same way) are not part of its history.
 *
 * @param command the {@code SendCommand} or {@code StartSession} that opened the shell
 * @param instance the instance id
 * @param session the instance's role session ARN
 * @param calls the shell's calls, in time order
 * @param clients clients (user agents without per-command metadata) the session never used before
 * @param apis APIs among the shell's calls the session never called before
 */
record InstanceShell(
    EventRecord command,
    String instance,
    String session,
    List<EventRecord> calls,
    Set<String> clients,
    Set<String> apis) {

  /** How far back the instance's role session's history is read. */
  static final Duration HISTORY = Duration.ofDays(7);

  /** A shell's calls start within this of the command and end at a silence this long. */
  static final Duration QUIET = Duration.ofHours(1);

  /** The longest a shell's calls are followed after the command. */
  static final Duration HORIZON = Duration.ofHours(24);

  /** Where the instance's own calls naming it (SSM agent check-ins) are looked for. */
  private static final Duration CHECK_IN = Duration.ofHours(6);

  InstanceShell {
    calls = List.copyOf(calls);
    // sorted, and kept so: the verdict names them in this order (Set.copyOf's order changes from
    // one run to the next, and an investigation must read the same every time)
    clients = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(clients));
    apis = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(apis));
  }

  /**
   * Instances a successful {@code SendCommand} ({@code requestParameters.instanceIds}) or {@code
   * StartSession} ({@code requestParameters.target}) reached; empty for any other call.
   */
  static List<String> targets(EventRecord e) {
    if (e.failed() || e.api() == null) {
      return List.of();
    }
    String ids =
        switch (e.api()) {
          case "SendCommand" -> e.field(EventRecord.COMMANDED);
          case "StartSession" -> e.field(EventRecord.SESSION_TARGET);
          default -> null;
        };
    if (ids == null) {
      return List.of();
    }
    return List.of(ids.split(" ")).stream().filter(InstanceShell::isInstanceId).toList();
  }

  /** An EC2 instance id: the session name EC2 gives an instance profile's role session. */
  static boolean isInstanceId(String s) {
    return s != null && s.startsWith("i-") && s.length() >= 10 && s.indexOf('/') < 0;
  }

  /** The shells {@code command} opened: one per reached instance whose role session is known. */
  static List<InstanceShell> opened(EventRecord command, EventLookup lookup) {
    List<InstanceShell> out = new ArrayList<>();
    for (String instance : targets(command)) {
      String arn = arn(command.region(), command.account(), instance);
      Set<String> issuers = new LinkedHashSet<>();
      for (EventRecord e :
          lookup.byResource(
              arn, command.time().minus(CHECK_IN), command.time().plus(Duration.ofHours(1)))) {
        if (instance.equals(e.sessionName()) && isRoleSession(e) && e.issuerArn() != null) {
          issuers.add(e.issuerArn());
        }
      }
      for (String issuer : issuers) {
        of(command, instance, issuer, lookup).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The shell behind {@code seeds} when they are all calls of one instance's role session made from
   * a shell opened on it: the latest successful command or session on that instance before the
   * first seed whose shell made at least one of them.
   */
  static Optional<InstanceShell> behind(List<EventRecord> seeds, EventLookup lookup) {
    EventRecord first = null;
    for (EventRecord s : seeds) {
      if (!isRoleSession(s) || !isInstanceId(s.sessionName()) || s.issuerArn() == null) {
        return Optional.empty();
      }
      if (first != null
          && (!s.sessionName().equals(first.sessionName())
              || !s.issuerArn().equals(first.issuerArn()))) {
        return Optional.empty();
      }
      first = first == null || EventRecord.ORDER.compare(s, first) < 0 ? s : first;
    }
    if (first == null) {
      return Optional.empty();
    }
    String instance = first.sessionName();
    String account = accountOf(first.issuerArn());
    Instant from = first.time().minus(HORIZON);
    Set<String> regions = new TreeSet<>();
    seeds.forEach(s -> regions.add(s.region()));
    lookup
        .bySession(first.issuerArn(), instance, from, first.time())
        .forEach(e -> regions.add(e.region()));
    List<EventRecord> commands = new ArrayList<>();
    for (String region : regions) {
      for (EventRecord e : lookup.byResource(arn(region, account, instance), from, first.time())) {
        if (targets(e).contains(instance) && !commands.contains(e)) {
          commands.add(e);
        }
      }
    }
    commands.sort(EventRecord.ORDER.reversed());
    Set<String> ids = new java.util.HashSet<>();
    seeds.forEach(s -> ids.add(s.id()));
    for (EventRecord command : commands) {
      Optional<InstanceShell> shell = of(command, instance, first.issuerArn(), lookup);
      if (shell.isPresent() && shell.get().calls.stream().anyMatch(c -> ids.contains(c.id()))) {
        return shell;
      }
    }
    return Optional.empty();
  }

  /** The shell {@code command} opened on {@code instance}, whose role is {@code issuer}. */
  static Optional<InstanceShell> of(
      EventRecord command, String instance, String issuer, EventLookup lookup) {
    Instant t = command.time();
    // What earlier shells on the instance did is not its habit: an attacker coming back with the
    // same CLI is still new. Their calls are told apart the same way, oldest first.
    List<Instant> earlier = new ArrayList<>();
    for (EventRecord e :
        lookup.byResource(
            arn(command.region(), command.account(), instance), t.minus(HISTORY), t)) {
      if (e.time().isBefore(t) && targets(e).contains(instance)) {
        earlier.add(e.time());
      }
    }
    earlier.sort(null);
    Habits habits = new Habits();
    int next = 0;
    Instant open = null; // the last call of an earlier shell whose window is still open
    for (EventRecord e : lookup.bySession(issuer, instance, t.minus(HISTORY), t)) {
      if (!e.time().isBefore(t)) {
        break;
      }
      while (next < earlier.size() && !earlier.get(next).isAfter(e.time())) {
        open = earlier.get(next++);
      }
      if (open != null && e.time().isAfter(open.plus(QUIET))) {
        open = null;
      }
      if (open != null && habits.novel(e)) {
        open = e.time();
      } else {
        habits.learn(e);
      }
    }
    if (habits.since == null) {
      return Optional.empty(); // nothing to tell the instance's own work by
    }
    String session = habits.session;
    List<EventRecord> calls = new ArrayList<>();
    Set<String> clients = new TreeSet<>();
    Set<String> apis = new TreeSet<>();
    Instant last = t;
    for (EventRecord e : lookup.bySession(issuer, instance, t, t.plus(HORIZON))) {
      if (e.time().isAfter(last.plus(QUIET))) {
        break;
      }
      boolean newClient = habits.newClient(e);
      boolean newApi = habits.newApi(e);
      if (newClient || newApi) {
        calls.add(e);
        last = e.time();
        session = e.principalArn();
        if (newClient) {
          clients.add(client(e.userAgent()));
        }
        if (newApi) {
          apis.add(e.api());
        }
      }
    }
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    calls.sort(EventRecord.ORDER);
    return Optional.of(new InstanceShell(command, instance, session, calls, clients, apis));
  }

  /** What an instance's role session does routinely: its clients and APIs, since when. */
  private static final class Habits {
    final Set<String> clients = new java.util.HashSet<>();
    final Set<String> apis = new java.util.HashSet<>();
    Instant since;
    String session;

    void learn(EventRecord e) {
      clients.add(client(e.userAgent()));
      apis.add(e.api());
      since = since == null ? e.time() : since;
      session = e.principalArn();
    }

    boolean newClient(EventRecord e) {
      return !clients.contains(client(e.userAgent()));
    }

    /**
     * An API the session has not called yet says something only after a day of its work: a shorter
     * history (the first hours of the data) has not seen every routine call yet.
     */
    boolean newApi(EventRecord e) {
      return since != null
          && !since.isAfter(e.time().minus(Duration.ofDays(1)))
          && !apis.contains(e.api());
    }

    boolean novel(EventRecord e) {
      return newClient(e) || newApi(e);
    }
  }

  /**
   * The client a user agent names, without the per-command metadata the AWS CLI adds ({@code
   * md/command#iam.list-users}, {@code command/iam.list-users}): one CLI is one client.
   */
  static String client(String agent) {
    if (agent == null || agent.isBlank()) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    for (String token : agent.trim().split("\\s+")) {
      if (token.startsWith("command/") || token.startsWith("md/command#")) {
        continue;
      }
      b.append(b.length() == 0 ? "" : " ").append(token);
    }
    return b.toString();
  }

  /** Why these calls are the shell's, in words: for the verdict's reasons. */
  String reason() {
    StringBuilder b = new StringBuilder();
    b.append(calls.size())
        .append(" call(s) of ")
        .append(session)
        .append(" after ")
        .append(command.api())
        .append(" to ")
        .append(instance)
        .append(" by ")
        .append(command.principalArn() == null ? command.ip() : command.principalArn())
        .append(" came with ");
    if (!clients.isEmpty()) {
      b.append("client ").append(String.join(", ", clients));
    }
    if (!apis.isEmpty()) {
      b.append(clients.isEmpty() ? "" : " and ").append("API(s) ").append(String.join(", ", apis));
    }
    b.append(" the instance's role session never used in the ")
        .append(HISTORY.toDays())
        .append(" days before: the shell's work, not the instance's own");
    return b.toString();
  }

  /** The shell's command and its first calls: the evidence of {@link #reason()}. */
  List<String> evidence() {
    List<String> ids = new ArrayList<>();
    ids.add(command.id());
    calls.stream().limit(4).forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static boolean isRoleSession(EventRecord e) {
    return e.principalArn() != null && e.principalArn().contains(":assumed-role/");
  }

  private static String accountOf(String arn) {
    String[] parts = arn.split(":");
    return parts.length > 4 ? parts[4] : "";
  }

  static String arn(String region, String account, String instance) {
    return "arn:aws:ec2:" + region + ":" + account + ":instance/" + instance;
  }
}
