package io.trailhound.simulate.scenario;

import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Workload;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A Stratus Red Team technique replayed by an attacker holding a leaked key: the calls the
 * technique makes, with the discovery around them, drawn fresh (names, regions, pace, outcome) on
 * every run.
 */
final class Technique implements Scenario {

  private final String kind;
  private final String name;
  private final List<String> techniques;
  private final Function<ScenarioContext, Account> target;
  private final Consumer<Attack> script;

  /**
   * @param stratus the Stratus technique id, e.g. {@code aws.defense-evasion.cloudtrail-delete}
   * @param attack ATT&CK technique ids
   */
  Technique(
      String kind, String name, String stratus, List<String> attack, Consumer<Attack> script) {
    this(kind, name, stratus, attack, ScenarioContext::account, script);
  }

  /**
   * @param target the account the technique needs, when not any account will do
   */
  Technique(
      String kind,
      String name,
      String stratus,
      List<String> attack,
      Function<ScenarioContext, Account> target,
      Consumer<Attack> script) {
    this.kind = kind;
    this.name = name;
    this.techniques = Stream.concat(attack.stream(), Stream.of(stratus)).toList();
    this.target = target;
    this.script = script;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> techniques() {
    return techniques;
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Attack a = new Attack(ctx, target.apply(ctx));
    script.accept(a);
    return a.planned(this);
  }

  /** The organisation's management account (where the organisation trail's bucket lives). */
  static Account management(ScenarioContext ctx) {
    return ctx.org().accounts().get(0);
  }

  /** The drawn account if it runs at least {@code n} instances, else the one running the most. */
  static Function<ScenarioContext, Account> withInstances(int n) {
    return ctx ->
        instances(ctx.account()) >= n
            ? ctx.account()
            : ctx.org().accounts().stream()
                .max(Comparator.comparingLong(Technique::instances))
                .orElseThrow();
  }

  private static long instances(Account a) {
    return a.workloads().stream().filter(w -> w.kind() == Workload.Kind.INSTANCE).count();
  }
}
