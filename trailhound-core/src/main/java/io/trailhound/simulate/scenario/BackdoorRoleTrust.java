package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import io.trailhound.simulate.org.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stratus {@code aws.persistence.iam-backdoor-role}: an outside account added to a role's trust.
 */
final class BackdoorRoleTrust implements Scenario {

  @Override
  public String kind() {
    return "iam-backdoor-role";
  }

  @Override
  public String name() {
    return "Role trust policy backdoored with an outside account";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1098", "aws.persistence.iam-backdoor-role");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    Caller c = ctx.leakedKey(victim, ctx.attackerIp(), ctx.attackerAgent());
    Workload target = ctx.pick(a.workloads());
    String outside = ctx.outsideAccount();
    String service =
        target.kind() == Workload.Kind.LAMBDA ? "lambda.amazonaws.com" : "ec2.amazonaws.com";
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
            + service
            + "\"},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
            + outside
            + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(ctx.iam().iam(c, t, "ListRoles", a.id(), null).build());
    t = ctx.after(t, 5, 120);
    out.add(
        ctx.iam()
            .iam(c, t, "GetRole", a.id(), g -> g.writeStringField("roleName", target.role()))
            .build());
    t = ctx.after(t, 5, 300);
    out.add(
        ctx.iam()
            .iam(
                c,
                t,
                "UpdateAssumeRolePolicy",
                a.id(),
                g -> {
                  g.writeStringField("roleName", target.role());
                  g.writeStringField("policyDocument", policy);
                })
            .build());
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), a.id(), out);
  }
}
