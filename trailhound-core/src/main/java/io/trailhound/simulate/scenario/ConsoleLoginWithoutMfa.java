package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stratus {@code aws.initial-access.console-login-without-mfa}: a stolen password used to sign in
 * to the console without MFA from the attacker's browser, a failed attempt first, then a look
 * around. One run in three it is the root user's password.
 */
final class ConsoleLoginWithoutMfa implements Scenario {

  private static final String[] BROWSERS = {
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/126.0.0.0 Safari/537.36"
  };

  @Override
  public String kind() {
    return "console-login-without-mfa";
  }

  @Override
  public String name() {
    return "Console sign-in without MFA with a stolen password";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1078.004", "aws.initial-access.console-login-without-mfa");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    String ip = ctx.attackerIp();
    String browser = ctx.pick(BROWSERS);
    Instant t = ctx.start();
    boolean root = ctx.random().nextInt(3) == 0;
    Person victim = ctx.keyHolder();
    Identity signIn =
        root
            ? new Identity.Root(a.id(), null, null, false)
            : new Identity.IamUser(a.id(), victim.iamUser(), victim.userId(), null, null, false);
    List<Call> out = new ArrayList<>();
    out.add(
        ctx.iam().consoleLogin(new Caller(signIn, ip, browser, false), t, a.id(), false, false));
    t = ctx.after(t, 20, 120);
    out.add(ctx.iam().consoleLogin(new Caller(signIn, ip, browser, false), t, a.id(), true, false));
    Instant session = t;
    Identity console =
        root
            ? new Identity.Root(a.id(), ctx.calls().ids().accessKey("ASIA"), session, false)
            : new Identity.IamUser(
                a.id(),
                victim.iamUser(),
                victim.userId(),
                ctx.calls().ids().accessKey("ASIA"),
                session,
                false);
    Caller c = new Caller(console, ip, "AWS Internal", true);
    for (String list : List.of("ListUsers", "ListRoles", "GetAccountSummary")) {
      t = ctx.after(t, 5, 90);
      out.add(ctx.iam().iam(c, t, list, a.id(), null).build());
    }
    t = ctx.after(t, 5, 90);
    out.add(ctx.ec2().describe(c, t, "DescribeInstances", a.home(), a.id()));
    return new Planned(null, this, signIn.arn(), null, a.id(), out);
  }
}
