package io.trailhound.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.enrich.IpInfo;
import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.EventView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {

  private static Observation at(long epochSecond, String ip) {
    EventView v =
        new EventView(
            "e" + epochSecond + ip,
            Instant.ofEpochSecond(epochSecond),
            "111122223333",
            "us-east-1",
            "sts.amazonaws.com",
            "GetCallerIdentity",
            null,
            null,
            true,
            null,
            Actor.UNKNOWN,
            new Endpoint(ip, null, null, null),
            List.of());
    return new Observation(v, ip, IpInfo.UNKNOWN, IpAddresses.prefixKey(ip), null, null, null);
  }

  @Test
  void evicts_the_least_recently_seen_tenth_at_the_cap_and_counts_them() {
    ProfileStore store = new ProfileStore(100, 8);
    for (int i = 0; i < 101; i++) {
      store.profile(ActorKind.ACCESS_KEY, "AKIA" + i).observe(at(1_000 + i, "192.0.2.1"), 8);
    }
    assertThat(store.size()).isEqualTo(90);
    assertThat(store.evicted()).isEqualTo(11);
    assertThat(store.find(ActorKind.ACCESS_KEY, "AKIA0")).isNull();
    assertThat(store.find(ActorKind.ACCESS_KEY, "AKIA10")).isNull();
    assertThat(store.find(ActorKind.ACCESS_KEY, "AKIA11")).isNotNull();
    assertThat(store.find(ActorKind.ACCESS_KEY, "AKIA100")).isNotNull();
  }

  @Test
  void a_full_value_set_keeps_the_earliest_values_whatever_the_order() {
    List<Observation> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(at(10_000 - i * 7L, "203.0.113." + i));
      events.add(at(20_000 + i, "203.0.113." + i));
    }
    List<String> reference = null;
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(events, random);
      ValueSet set = new ValueSet();
      for (Observation o : events) {
        set.observe(o.ip, o.time, o, 8);
      }
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < set.size(); i++) {
        kept.add(set.value(i) + "@" + set.first(i) + "/" + set.sighting(i).eventId());
      }
      Collections.sort(kept);
      assertThat(set.size()).isEqualTo(8);
      assertThat(set.overflow()).isPositive();
      if (reference == null) {
        reference = kept;
      }
      assertThat(kept).isEqualTo(reference);
    }
    assertThat(reference).allMatch(v -> Integer.parseInt(v.substring(10, v.indexOf('@'))) >= 32);
  }

  @Test
  void concurrent_readers_past_the_cap_lose_no_count_and_stay_bounded() throws Exception {
    ProfileStore store = new ProfileStore(1_000, 8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t * 5_000;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  store
                      .profile(ActorKind.PRINCIPAL, "arn:u" + (offset + i))
                      .observe(at(offset + i, "192.0.2.9"), 8);
                }
              },
              "profile-writer-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(store.size()).isLessThanOrEqualTo(1_000);
    assertThat(store.size() + store.evicted()).isEqualTo(20_000);
  }
}
