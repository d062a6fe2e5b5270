package io.trailhound.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdBitsTest {

  @Test
  void packs_a_cloudtrail_id_into_its_128_bits_and_back() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      UUID u = new UUID(random.nextLong(), random.nextLong());
      String id = u.toString();
      assertThat(EventIdBits.packable(id)).as(id).isTrue();
      assertThat(EventIdBits.high(id)).as(id).isEqualTo(u.getMostSignificantBits());
      assertThat(EventIdBits.low(id)).as(id).isEqualTo(u.getLeastSignificantBits());
      assertThat(EventIdBits.text(EventIdBits.high(id), EventIdBits.low(id))).isEqualTo(id);
    }
  }

  @Test
  void leaves_every_other_shape_unpacked() {
    String id = "3038ebd2-c98a-4c65-9b6e-e22506292313";
    assertThat(EventIdBits.packable(id)).isTrue();
    for (String other :
        new String[] {
          id.toUpperCase(Locale.ROOT),
          id.substring(1),
          id + "0",
          id.replace('-', '0'),
          "3038ebd2c-98a-4c65-9b6e-e22506292313",
          id.replace('e', 'g'),
          id.replace('e', '\uff45'), // full-width e
          id.replace('3', '\u0663'), // Arabic-Indic three
          id.substring(0, 35) + "\u0000",
          ""
        }) {
      assertThat(EventIdBits.packable(other)).as(other).isFalse();
    }
  }
}
