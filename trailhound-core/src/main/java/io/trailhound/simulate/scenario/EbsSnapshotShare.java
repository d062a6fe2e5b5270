package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stratus {@code aws.exfiltration.ec2-share-ebs-snapshot}: a volume snapshotted and shared out. */
final class EbsSnapshotShare implements Scenario {

  @Override
  public String kind() {
    return "ebs-snapshot-share";
  }

  @Override
  public String name() {
    return "EBS snapshot created and shared with an outside account";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1537", "aws.exfiltration.ec2-share-ebs-snapshot");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Person victim = ctx.keyHolder();
    Caller c = ctx.leakedKey(victim, ctx.attackerIp(), ctx.attackerAgent());
    String region = ctx.pick(a.regions());
    String volume = ctx.calls().ids().resourceId("vol");
    String snapshot = ctx.calls().ids().resourceId("snap");
    String outside = ctx.outsideAccount();
    List<Call> out = new ArrayList<>();
    Instant t = ctx.start();
    out.add(ctx.ec2().describe(c, t, "DescribeVolumes", region, a.id()));
    t = ctx.after(t, 10, 120);
    Instant started = t;
    out.add(
        ctx.calls()
            .api(c, t, "ec2.amazonaws.com", "CreateSnapshot", region)
            .account(a.id())
            .request(
                g -> {
                  g.writeStringField("volumeId", volume);
                  g.writeStringField("description", ctx.pick("backup", "", "tmp"));
                })
            .response(
                g -> {
                  g.writeStringField("snapshotId", snapshot);
                  g.writeStringField("volumeId", volume);
                  g.writeStringField("status", "pending");
                  g.writeStringField("startTime", Long.toString(started.toEpochMilli()));
                  g.writeStringField("ownerId", a.id());
                })
            .build());
    t = ctx.after(t, 120, 900);
    out.add(
        ctx.calls()
            .api(c, t, "ec2.amazonaws.com", "ModifySnapshotAttribute", region)
            .account(a.id())
            .request(
                g -> {
                  g.writeStringField("snapshotId", snapshot);
                  g.writeObjectFieldStart("createVolumePermission");
                  g.writeObjectFieldStart("add");
                  g.writeArrayFieldStart("items");
                  g.writeStartObject();
                  g.writeStringField("userId", outside);
                  g.writeEndObject();
                  g.writeEndArray();
                  g.writeEndObject();
                  g.writeEndObject();
                  g.writeStringField("attributeType", "CREATE_VOLUME_PERMISSION");
                })
            .response(g -> g.writeBooleanField("_return", true))
            .build());
    return new Planned(null, this, c.identity().arn(), victim.accessKeyId(), a.id(), out);
  }
}
