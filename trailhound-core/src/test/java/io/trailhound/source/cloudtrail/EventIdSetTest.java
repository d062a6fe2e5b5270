package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdSetTest {

  private static final long CAP = 10_000_000;

  @Test
  void keeps_every_distinct_cloudtrail_id_and_drops_each_repeat() {
    EventIdSet set = new EventIdSet(CAP);
    SplittableRandom random = new SplittableRandom(7);
    String[] ids = new String[200_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
      assertThat(set.add(ids[i])).as(ids[i]).isEqualTo(EventIdSet.Result.NEW);
    }
    for (String id : ids) {
      assertThat(set.add(id)).as(id).isEqualTo(EventIdSet.Result.DUPLICATE);
    }
  }

  @Test
  void ids_that_differ_only_in_one_bit_or_in_case_are_different_events() {
    EventIdSet set = new EventIdSet(CAP);
    String id = "3038ebd2-c98a-4c65-9b6e-e22506292313";
    assertThat(set.add(id)).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add("3038ebd2-c98a-4c65-9b6e-e22506292312")).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add("2038ebd2-c98a-4c65-9b6e-e22506292313")).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add(id.toUpperCase(Locale.ROOT))).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add(id.toUpperCase(Locale.ROOT))).isEqualTo(EventIdSet.Result.DUPLICATE);
    assertThat(set.add(id)).isEqualTo(EventIdSet.Result.DUPLICATE);
  }

  @Test
  void the_all_zero_uuid_is_an_id_like_any_other() {
    EventIdSet set = new EventIdSet(CAP);
    String zero = "00000000-0000-0000-0000-000000000000";
    assertThat(set.add(zero)).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add(zero)).isEqualTo(EventIdSet.Result.DUPLICATE);
    assertThat(set.add("00000000-0000-0000-0000-000000000001")).isEqualTo(EventIdSet.Result.NEW);
  }

  @Test
  void ids_of_other_shapes_are_deduplicated_too() {
    EventIdSet set = new EventIdSet(CAP);
    for (String id :
        new String[] {"okta:abc", "m365:1234", "", "not-a-uuid-at-all", "ß", "x".repeat(10_000)}) {
      assertThat(set.add(id)).as(id).isEqualTo(EventIdSet.Result.NEW);
      assertThat(set.add(id)).as(id).isEqualTo(EventIdSet.Result.DUPLICATE);
    }
    // a non-UUID id whose text is a UUID's with a prefix is another id
    assertThat(set.add("x3038ebd2-c98a-4c65-9b6e-e22506292313")).isEqualTo(EventIdSet.Result.NEW);
    assertThat(set.add("3038ebd2-c98a-4c65-9b6e-e22506292313")).isEqualTo(EventIdSet.Result.NEW);
  }
}
