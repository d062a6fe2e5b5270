package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaked key spent on GPUs: region discovery, quota increase requests, then RunInstances of GPU
 * or accelerator types in regions the organisation never uses, tagged with a miner's name.
 * CloudTrail redacts user data ({@code <sensitiveDataRemoved>}), so the miner shows in tags only.
 */
final class Cryptomining implements Scenario {

  static final List<String> UNUSED_REGIONS =
      List.of(
          "ap-southeast-1",
          "ap-northeast-1",
          "sa-east-1",
          "ap-south-1",
          "ca-central-1",
          "eu-north-1");
  private static final String[] TYPES = {
    "p3.16xlarge", "g5.12xlarge", "p4d.24xlarge", "g4dn.12xlarge", "g6.48xlarge", "p3.8xlarge"
  };
  private static final String[] MINERS = {"xmrig", "nbminer", "t-rex", "lolminer", "phoenixminer"};

  @Override
  public String kind() {
    return "cryptomining";
  }

  @Override
  public String name() {
    return "Leaked key used to launch GPU instances in unused regions";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1496", "T1535", "T1578.002", "aws.execution.ec2-launch-unusual-instances");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    Caller c = ctx.leakedKey(victim, ctx.attackerIp(), ctx.attackerAgent());
    String acct = a.id();
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(ctx.iam().getCallerIdentity(c, t, a.home(), acct));
    t = ctx.after(t, 5, 60);
    out.add(ctx.ec2().describe(c, t, "DescribeRegions", a.home(), acct));
    List<String> regions = new ArrayList<>();
    int n = 1 + ctx.random().nextInt(3);
    while (regions.size() < n) {
      String r = ctx.pick(UNUSED_REGIONS);
      if (!regions.contains(r) && !ctx.org().usesRegion(r)) {
        regions.add(r);
      }
    }
    String miner = ctx.pick(MINERS);
    List<Launched> launched = new ArrayList<>();
    for (String region : regions) {
      t = ctx.after(t, 10, 120);
      String quota = ctx.pick("L-DB2E81BA", "L-417A185B");
      int value = 64 + 32 * ctx.random().nextInt(6);
      out.add(
          ctx.calls()
              .api(c, t, "servicequotas.amazonaws.com", "RequestServiceQuotaIncrease", region)
              .account(acct)
              .request(
                  g -> {
                    g.writeStringField("serviceCode", "ec2");
                    g.writeStringField("quotaCode", quota);
                    g.writeNumberField("desiredValue", value);
                  })
              .response(
                  g -> {
                    g.writeObjectFieldStart("requestedQuota");
                    g.writeStringField("serviceCode", "ec2");
                    g.writeStringField("quotaCode", quota);
                    g.writeNumberField("desiredValue", value);
                    g.writeStringField("status", "PENDING");
                    g.writeEndObject();
                  })
              .build());
      int launches = 1 + ctx.random().nextInt(3);
      for (int i = 0; i < launches; i++) {
        t = ctx.after(t, 20, 400);
        Instant at = t;
        out.add(
            ctx.ec2()
                .runInstances(
                    c,
                    t,
                    region,
                    acct,
                    ctx.pick(TYPES),
                    2 + ctx.random().nextInt(10),
                    "ami-0" + ctx.calls().ids().hex(16),
                    true,
                    miner + "-" + ctx.calls().ids().hex(4),
                    ids -> ids.forEach(id -> launched.add(new Launched(id, region, acct, at)))));
      }
    }
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), acct, out, launched);
  }
}
