package io.trailhound.simulate.cloudtrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** EC2 calls: RunInstances with its {@code instancesSet} response, the common reads. */
public final class Ec2Shapes {

  private final Calls calls;

  public Ec2Shapes(Calls calls) {
    this.calls = calls;
  }

  /** A read-only {@code Describe*} call with empty filter sets, as the CLI sends them. */
  public Call describe(Caller c, Instant t, String name, String region, String account) {
    return calls
        .api(c, t, "ec2.amazonaws.com", name, region)
        .account(account)
        .readOnly()
        .request(
            g -> {
              String set =
                  switch (name) {
                    case "DescribeInstances" -> "instancesSet";
                    case "DescribeSecurityGroups" -> "securityGroupSet";
                    case "DescribeVolumes" -> "volumeSet";
                    default -> null;
                  };
              if (set != null) {
                g.writeObjectFieldStart(set);
                g.writeEndObject();
              }
              g.writeObjectFieldStart("filterSet");
              g.writeEndObject();
            })
        .build();
  }

  /**
   * {@code RunInstances} of {@code count} instances of {@code type}; {@code userData} (plain text,
   * may be null) is sent base64 encoded and shown by CloudTrail as {@code <sensitiveDataRemoved>}.
   */
  public Call runInstances(
      Caller c,
      Instant t,
      String region,
      String account,
      String type,
      int count,
      String ami,
      boolean userData,
      String nameTag) {
    return runInstances(c, t, region, account, type, count, ami, userData, nameTag, ids -> {});
  }

  /**
   * RunInstances, handing the launched instance ids to {@code launched} (network logs of the
   * instances name them).
   */
  public Call runInstances(
      Caller c,
      Instant t,
      String region,
      String account,
      String type,
      int count,
      String ami,
      boolean userData,
      String nameTag,
      java.util.function.Consumer<List<String>> launched) {
    Ids ids = calls.ids();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(ids.resourceId("i"));
    }
    launched.accept(List.copyOf(instances));
    String reservation = ids.resourceId("r");
    String subnet = "subnet-0" + ids.hex(16);
    String az = region + (char) ('a' + ids.random().nextInt(3));
    String token = ids.uuid();
    String ec2RequestId = ids.uuid();
    return calls
        .api(c, t, "ec2.amazonaws.com", "RunInstances", region)
        .account(account)
        .request(
            g -> {
              g.writeObjectFieldStart("instancesSet");
              g.writeArrayFieldStart("items");
              g.writeStartObject();
              g.writeStringField("imageId", ami);
              g.writeNumberField("minCount", count);
              g.writeNumberField("maxCount", count);
              g.writeEndObject();
              g.writeEndArray();
              g.writeEndObject();
              g.writeStringField("instanceType", type);
              if (userData) {
                g.writeStringField("userData", "<sensitiveDataRemoved>");
              }
              g.writeStringField("subnetId", subnet);
              if (nameTag != null) {
                g.writeObjectFieldStart("tagSpecificationSet");
                g.writeArrayFieldStart("items");
                g.writeStartObject();
                g.writeStringField("resourceType", "instance");
                g.writeArrayFieldStart("tags");
                g.writeStartObject();
                g.writeStringField("key", "Name");
                g.writeStringField("value", nameTag);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
              }
              g.writeBooleanField("disableApiTermination", false);
              g.writeStringField("clientToken", token);
            })
        .response(
            g -> {
              g.writeStringField("requestId", ec2RequestId);
              g.writeStringField("reservationId", reservation);
              g.writeStringField("ownerId", account);
              g.writeObjectFieldStart("groupSet");
              g.writeEndObject();
              g.writeObjectFieldStart("instancesSet");
              g.writeArrayFieldStart("items");
              for (int i = 0; i < instances.size(); i++) {
                g.writeStartObject();
                g.writeStringField("instanceId", instances.get(i));
                g.writeStringField("imageId", ami);
                g.writeObjectFieldStart("instanceState");
                g.writeNumberField("code", 0);
                g.writeStringField("name", "pending");
                g.writeEndObject();
                g.writeNumberField("amiLaunchIndex", i);
                g.writeStringField("instanceType", type);
                g.writeStringField("launchTime", Long.toString(t.toEpochMilli()));
                g.writeObjectFieldStart("placement");
                g.writeStringField("availabilityZone", az);
                g.writeStringField("tenancy", "default");
                g.writeEndObject();
                g.writeStringField("subnetId", subnet);
                g.writeStringField("architecture", "x86_64");
                g.writeStringField("rootDeviceType", "ebs");
                g.writeStringField("rootDeviceName", "/dev/xvda");
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            })
        .build();
  }
}
