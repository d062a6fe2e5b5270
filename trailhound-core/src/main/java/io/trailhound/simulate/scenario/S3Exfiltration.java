package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.S3Shapes;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stolen CI role credentials used from a new address: bucket discovery, Block Public Access removed
 * and the bucket opened by policy or ACL, a burst of GetObject data events, and sometimes a ransom:
 * the objects deleted and a note left behind.
 */
final class S3Exfiltration implements Scenario {

  private static final String[] NOTES = {
    "README-RECOVER-FILES.txt",
    "HOW_TO_GET_DATA_BACK.txt",
    "RESTORE_INSTRUCTIONS.md",
    "_warning.txt"
  };

  @Override
  public String kind() {
    return "s3-exfiltration";
  }

  @Override
  public String name() {
    return "S3 bucket opened and emptied with stolen CI credentials";
  }

  @Override
  public List<String> techniques() {
    return List.of("T1619", "T1530", "T1537", "T1485", "T1486");
  }

  @Override
  public Planned plan(ScenarioContext ctx) {
    Account a = ctx.account();
    Workload ci =
        a.workloads().stream().filter(w -> w.kind() == Workload.Kind.CI).findFirst().orElseThrow();
    Instant t = ctx.start();
    Identity.AssumedRole stolen =
        new Identity.AssumedRole(
            a.id(),
            ci.role(),
            ci.roleId(),
            ci.session(),
            ctx.calls().ids().accessKey("ASIA"),
            t.minusSeconds(600 + ctx.random().nextInt(2400)),
            false,
            null,
            null);
    Caller c = new Caller(stolen, ctx.attackerIp(), ctx.attackerAgent(), false);
    S3Shapes s3 = ctx.s3();
    String acct = a.id();
    String region = a.home();
    String bucket = ctx.pick(a.buckets());
    List<Call> out = new ArrayList<>();
    out.add(s3.bucket(c, t, "ListBuckets", region, acct, null, null).readOnly().build());
    t = ctx.after(t, 5, 60);
    out.add(
        s3.bucket(c, t, "GetBucketAcl", region, acct, bucket, g -> g.writeStringField("acl", ""))
            .readOnly()
            .build());
    t = ctx.after(t, 5, 60);
    out.add(
        s3.bucket(
                c,
                t,
                "DeleteBucketPublicAccessBlock",
                region,
                acct,
                bucket,
                g -> g.writeStringField("publicAccessBlock", ""))
            .build());
    t = ctx.after(t, 5, 120);
    out.add(open(ctx, c, t, region, acct, bucket));
    int burst = 40 + ctx.random().nextInt(260);
    List<String> keys = new ArrayList<>();
    String prefix = ctx.pick("customers/", "exports/", "backups/db/", "invoices/");
    for (int i = 0; i < burst; i++) {
      t = t.plusMillis(200 + ctx.random().nextInt(3000));
      String key = prefix + ctx.calls().ids().hex(10) + ctx.pick(".csv", ".json.gz", ".parquet");
      keys.add(key);
      out.add(
          s3.object(
              c,
              t,
              "GetObject",
              region,
              acct,
              bucket,
              key,
              0,
              10_000 + ctx.random().nextInt(20_000_000),
              true));
    }
    if (ctx.random().nextBoolean()) {
      t = ctx.after(t, 60, 900);
      for (String key : keys) {
        t = t.plusMillis(100 + ctx.random().nextInt(1500));
        out.add(s3.object(c, t, "DeleteObject", region, acct, bucket, key, 0, 0, false));
      }
      t = ctx.after(t, 5, 60);
      out.add(
          s3.object(
              c,
              t,
              "PutObject",
              region,
              acct,
              bucket,
              ctx.pick(NOTES),
              1200 + ctx.random().nextInt(800),
              0,
              false));
    }
    return new Planned(null, this, stolen.arn(), stolen.accessKeyId(), acct, out);
  }

  private static Call open(
      ScenarioContext ctx, Caller c, Instant t, String region, String acct, String bucket) {
    S3Shapes s3 = ctx.s3();
    if (ctx.random().nextInt(3) == 0) {
      return s3.bucket(
              c,
              t,
              "PutBucketAcl",
              region,
              acct,
              bucket,
              g -> {
                g.writeObjectFieldStart("AccessControlPolicy");
                g.writeObjectFieldStart("AccessControlList");
                g.writeObjectFieldStart("Grant");
                g.writeObjectFieldStart("Grantee");
                g.writeStringField("xsi:type", "Group");
                g.writeStringField("URI", "http://acs.amazonaws.com/groups/global/AllUsers");
                g.writeEndObject();
                g.writeStringField("Permission", "READ");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeStringField("acl", "");
              })
          .build();
    }
    String sid = ctx.pick("PublicRead", "AllowAll", "cdn-access", "");
    return s3.bucket(
            c,
            t,
            "PutBucketPolicy",
            region,
            acct,
            bucket,
            g -> {
              g.writeObjectFieldStart("bucketPolicy");
              g.writeStringField("Version", "2012-10-17");
              g.writeArrayFieldStart("Statement");
              g.writeStartObject();
              if (!sid.isEmpty()) {
                g.writeStringField("Sid", sid);
              }
              g.writeStringField("Effect", "Allow");
              g.writeStringField("Principal", "*");
              g.writeStringField("Action", "s3:GetObject");
              g.writeStringField("Resource", "arn:aws:s3:::" + bucket + "/*");
              g.writeEndObject();
              g.writeEndArray();
              g.writeEndObject();
              g.writeStringField("policy", "");
            })
        .build();
  }
}
