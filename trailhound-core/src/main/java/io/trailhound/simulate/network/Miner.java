package io.trailhound.simulate.network;

import io.trailhound.simulate.scenario.Launched;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A mining process on an instance an attack launched: it resolves its pool a couple of minutes
 * after launch and holds a stratum connection to it until the instance is found or the run ends.
 */
record Miner(
    String scenarioId,
    NetInstance instance,
    String poolDomain,
    String poolIp,
    int port,
    int localPort,
    Instant from,
    Instant to) {

  private static final String[][] POOLS = {
    {"pool.supportxmr.com", "3333", "141.94.96."},
    {"xmr.nanopool.org", "14444", "51.255.34."},
    {"xmr-eu1.nanopool.org", "14444", "51.68.190."},
    {"pool.supportxmr.com", "5555", "94.130.164."}
  };

  static Miner of(long seed, String scenarioId, Launched l, Instant end) {
    SplittableRandom r = new SplittableRandom(seed * 13 + l.instanceId().hashCode());
    String[] pool = POOLS[r.nextInt(POOLS.length)];
    Instant from = l.time().plusSeconds(90 + r.nextInt(120));
    Instant stop = from.plus(Duration.ofHours(4 + r.nextInt(8)));
    return new Miner(
        scenarioId,
        NetInstance.of(seed, l.account(), l.region(), l.instanceId()),
        pool[0],
        pool[2] + (2 + r.nextInt(250)),
        Integer.parseInt(pool[1]),
        40000 + r.nextInt(20000),
        from,
        stop.isBefore(end) ? stop : end);
  }

  /** How the ground truth describes what the network logs show. */
  String describe() {
    return "instance "
        + instance.instanceId()
        + " ("
        + instance.eni()
        + ", "
        + instance.privateIp()
        + ") in "
        + instance.region()
        + " resolves "
        + poolDomain
        + " and holds TCP connections to "
        + poolIp
        + ":"
        + port
        + " from "
        + from
        + " to "
        + to;
  }
}
