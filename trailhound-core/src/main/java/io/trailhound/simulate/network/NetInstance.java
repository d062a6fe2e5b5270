package io.trailhound.simulate.network;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An instance's place in its VPC, derived from its id so that every log naming it agrees without
 * anything stored: one VPC per account and region, one interface per instance.
 */
record NetInstance(
    String account,
    String region,
    String instanceId,
    String eni,
    String privateIp,
    String vpcId,
    String subnetId) {

  static NetInstance of(long seed, String account, String region, String instanceId) {
    SplittableRandom vpc = new SplittableRandom(seed * 31 + (account + region).hashCode());
    String vpcId = "vpc-0" + hex(vpc, 16);
    int net = 10 + vpc.nextInt(200);
    SplittableRandom r = new SplittableRandom(seed * 17 + instanceId.hashCode());
    int subnet = r.nextInt(3);
    return new NetInstance(
        account,
        region,
        instanceId,
        "eni-0" + hex(r, 16),
        "10." + net + "." + (subnet * 16 + 1 + r.nextInt(14)) + "." + (4 + r.nextInt(250)),
        vpcId,
        "subnet-0"
            + String.format(Locale.ROOT, "%016x", (vpcId.hashCode() * 7L + subnet) & Long.MAX_VALUE)
                .substring(0, 16));
  }

  private static String hex(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }
}
