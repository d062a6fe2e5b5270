package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stratus {@code aws.persistence.iam-create-user-login-profile}: a console password given to an
 * existing user who never had one, then a console sign-in with it from the attacker's address.
 */
final class LoginProfileBackdoor implements Scenario {

  @Override
  public String kind() {
    return "iam-create-user-login-profile";
  }

  @Override
  public String name() {
    return "Console password created for an existing user";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1098", "T1078.004", "aws.persistence.iam-create-user-login-profile");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    String ip = ctx.attackerIp();
    Caller c = ctx.leakedKey(victim, ip, ctx.attackerAgent());
    String target = a.legacyUser().iamUser();
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(ctx.iam().iam(c, t, "ListUsers", a.id(), null).build());
    t = ctx.after(t, 5, 240);
    out.add(
        ctx.iam()
            .iam(
                c,
                t,
                "CreateLoginProfile",
                a.id(),
                g -> {
                  g.writeStringField("userName", target);
                  g.writeBooleanField("passwordResetRequired", false);
                })
            .build());
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), a.id(), out);
  }
}
