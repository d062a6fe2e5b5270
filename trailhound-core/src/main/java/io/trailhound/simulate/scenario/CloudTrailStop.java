package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stratus {@code aws.defense-evasion.cloudtrail-stop}: the trail inspected, then stopped. */
final class CloudTrailStop implements Scenario {

  @Override
  public String kind() {
    return "cloudtrail-stop";
  }

  @Override
  public String name() {
    return "CloudTrail logging stopped with a leaked key";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1562.008", "aws.defense-evasion.cloudtrail-stop");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    Caller c = ctx.leakedKey(victim, ctx.attackerIp(), ctx.attackerAgent());
    String trailArn = "arn:aws:cloudtrail:" + a.home() + ":" + a.id() + ":trail/" + a.trail();
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(ct(ctx, c, t, a, "DescribeTrails", null, true));
    t = ctx.after(t, 3, 90);
    out.add(ct(ctx, c, t, a, "GetTrailStatus", trailArn, true));
    t = ctx.after(t, 3, 90);
    out.add(ct(ctx, c, t, a, "StopLogging", trailArn, false));
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), a.id(), out);
  }

  private static Call ct(
      ScenarioContext ctx,
      Caller c,
      Instant t,
      Account a,
      String name,
      String trail,
      boolean read) {
    var b =
        ctx.calls()
            .api(c, t, "cloudtrail.amazonaws.com", name, a.home())
            .account(a.id())
            .request(trail == null ? null : g -> g.writeStringField("name", trail));
    if (read) {
      b.readOnly();
    } else {
      b.resource(trail, a.id(), "AWS::CloudTrail::Trail");
    }
    return b.build();
  }
}
