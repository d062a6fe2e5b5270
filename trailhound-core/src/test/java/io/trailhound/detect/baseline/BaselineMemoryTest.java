package io.trailhound.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.enrich.IpInfo;
import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state of 100,000 actors, each with a realistic spread of values, must fit in 1 GiB of heap.
 * Prints the measured retained heap and state-file size (rough: heap after GC, before and after).
 */
class BaselineMemoryTest {

  private static final int ACTORS = 100_000;
  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};
  private static final String[] AGENTS = {"aws-cli/2.x", "Boto3", "console"};
  private static final String[] COUNTRIES = {"US", "DE", "NL"};

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void state_for_100000_actors_fits_in_a_gigabyte() throws IOException {
    long before = usedHeap();
    ProfileStore store = new ProfileStore(ACTORS, 32);
    long t0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    for (int a = 0; a < ACTORS; a++) {
      Profile p =
          store.profile(ActorKind.PRINCIPAL, ("arn:aws:iam::111122223333:user/u" + a).intern());
      for (int e = 0; e < 12; e++) {
        long time = t0 + e * 3_600_000L * 13 + a;
        String ip = "198.51." + (a % 200) + "." + (e % 4);
        EventView v =
            new EventView(
                "id",
                Instant.ofEpochMilli(time),
                "111122223333",
                REGIONS[e % 3],
                "ec2.amazonaws.com",
                "DescribeInstances",
                null,
                null,
                true,
                null,
                Actor.UNKNOWN,
                new Endpoint(ip, null, null, null),
                List.of());
        IpInfo info = new IpInfo(COUNTRIES[e % 2 + (a % 2)], 64_496 + e % 3, null);
        Category c = Category.values()[e % 4];
        p.observe(
            new Observation(v, ip, info, IpAddresses.prefixKey(ip), AGENTS[e % 3], c, null), 32);
      }
      p.settle();
    }
    long after = usedHeap();
    long[] bytes = {0};
    StateFile.write(
        store,
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes[0] += len;
          }
        });
    long retained = after - before;
    System.out.printf(
        java.util.Locale.ROOT,
        "baseline state: %d actors, ~%d MiB retained heap (%d bytes/actor), state file %d MiB%n",
        store.size(),
        retained >> 20,
        retained / ACTORS,
        bytes[0] >> 20);
    assertThat(store.size()).isEqualTo(ACTORS);
    assertThat(retained).isLessThan(1L << 30);
  }
}
