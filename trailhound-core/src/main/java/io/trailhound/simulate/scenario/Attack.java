package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Body;
import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import io.trailhound.simulate.org.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One attacker at work on one account: who they act as, from where, in which region, and the clock
 * of their session. Technique scenarios script their calls against it; each call advances nothing
 * by itself, {@link #pause} does, so timing varies from run to run.
 */
final class Attack {

  private final ScenarioContext ctx;
  private final Account account;
  private final Person victim;
  private final List<Call> calls = new ArrayList<>();
  private Caller caller;
  private String region;
  private Instant t;

  /** The attacker uses a leaked long-term key of someone in {@code account}. */
  Attack(ScenarioContext ctx, Account account) {
    this.ctx = ctx;
    this.account = account;
    this.victim = ctx.keyHolder(account);
    this.caller =
        new Caller(
            new Identity.IamUser(
                account.id(), victim.iamUser(), victim.userId(), victim.accessKeyId(), null, false),
            ctx.attackerIp(),
            ctx.attackerAgent(),
            false);
    this.region = ctx.random().nextInt(3) == 0 ? ctx.pick(account.regions()) : account.home();
    this.t = ctx.start();
  }

  ScenarioContext ctx() {
    return ctx;
  }

  Account account() {
    return account;
  }

  Caller caller() {
    return caller;
  }

  String region() {
    return region;
  }

  Instant now() {
    return t;
  }

  /** Acts as another identity (stolen session credentials) from now on. */
  Attack as(Caller other) {
    caller = other;
    return this;
  }

  Attack in(String r) {
    region = r;
    return this;
  }

  /** The attacker's next step comes {@code min} to {@code max} seconds later. */
  Attack pause(int min, int max) {
    t = ctx.after(t, min, max);
    return this;
  }

  /**
   * A call to {@code service} ({@code ec2}, {@code iam}, ...) in the current region; reads ({@code
   * Describe*}, {@code Get*}, {@code List*}, {@code BatchGet*}) are marked read-only.
   */
  Calls.Builder api(String service, String name, Body request) {
    String region =
        service.equals("iam") || service.equals("organizations") ? "us-east-1" : this.region;
    Calls.Builder b =
        ctx.calls()
            .api(caller, t, service + ".amazonaws.com", name, region)
            .account(account.id())
            .request(request);
    if (readOnly(name)) {
      b.readOnly();
    }
    return b;
  }

  /** Adds a call built from {@link #api}. */
  Call add(Calls.Builder b) {
    Call c = b.build();
    calls.add(c);
    return c;
  }

  /** Adds a call built elsewhere (the shared EC2, S3 and IAM shapes). */
  Call add(Call c) {
    calls.add(c);
    return c;
  }

  /** An EC2 {@code Describe*} call in the current region. */
  Call describe(String api) {
    return add(ctx.ec2().describe(caller, t, api, region, account.id()));
  }

  /** Adds a call with request and response elements (either may be null). */
  Call call(String service, String name, Body request, Body response) {
    return add(api(service, name, request).response(response));
  }

  /**
   * Adds a call refused with {@code code}, with the message the service writes: EC2 prefixes its
   * own sentence, Organizations says only that access was denied.
   */
  Call denied(String service, String name, Body request, String code, String action) {
    String iam =
        "User: "
            + caller.identity().arn()
            + " is not authorized to perform: "
            + action
            + " because no identity-based policy allows the "
            + action
            + " action";
    String message =
        switch (service) {
          case "ec2" -> "You are not authorized to perform this operation. " + iam;
          case "organizations" -> "You don't have permissions to access this resource.";
          default -> iam;
        };
    return add(api(service, name, request).error(code, message));
  }

  static boolean readOnly(String name) {
    return name.startsWith("Describe")
        || name.startsWith("Get")
        || name.startsWith("List")
        || name.startsWith("BatchGet")
        || name.startsWith("Lookup");
  }

  /** The account's instances (workloads with an instance profile), in a drawn order. */
  List<Workload> instances() {
    List<Workload> of =
        new ArrayList<>(
            account.workloads().stream().filter(w -> w.kind() == Workload.Kind.INSTANCE).toList());
    for (int i = of.size() - 1; i > 0; i--) {
      java.util.Collections.swap(of, i, ctx.random().nextInt(i + 1));
    }
    return of;
  }

  /** An IAM user of the account other than the one whose key leaked. */
  String otherUser() {
    List<String> users =
        account.people().stream()
            .filter(p -> ctx.org().keyAccount(p) == account)
            .map(Person::iamUser)
            .filter(u -> u != null && !u.equals(victim.iamUser()))
            .toList();
    return users.isEmpty() ? account.legacyUser().iamUser() : ctx.pick(users);
  }

  String outsideAccount() {
    return ctx.outsideAccount();
  }

  String attackerIp() {
    return caller.ip();
  }

  /** A name an attacker would choose: one of {@code stems} with a short random suffix or not. */
  String name(String... stems) {
    String stem = ctx.pick(stems);
    return ctx.random().nextBoolean() ? stem : stem + "-" + ctx.calls().ids().hex(4);
  }

  String hex(int n) {
    return ctx.calls().ids().hex(n);
  }

  String uuid() {
    return ctx.calls().ids().uuid();
  }

  String resourceId(String prefix) {
    return ctx.calls().ids().resourceId(prefix);
  }

  int between(int min, int max) {
    return min + ctx.random().nextInt(max - min + 1);
  }

  String arn(String service, String resource) {
    return String.format(
        Locale.ROOT, "arn:aws:%s:%s:%s:%s", service, region, account.id(), resource);
  }

  /** The planned attack; the actor is the identity the attack started with. */
  Planned planned(Scenario s) {
    return new Planned(
        null,
        s,
        "arn:aws:iam::" + account.id() + ":user/" + victim.iamUser(),
        victim.accessKeyId(),
        account.id(),
        calls);
  }
}
