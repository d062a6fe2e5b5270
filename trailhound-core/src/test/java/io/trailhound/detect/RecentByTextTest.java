package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentByTextTest {

  @Test
  void answers_an_equal_text_that_is_another_string_object() {
    RecentByText<Boolean> recent = new RecentByText<>(8);
    recent.put("DescribeInstances", true);

    assertThat(recent.get(new String("DescribeInstances".toCharArray()))).isTrue();
    assertThat(recent.get("describeinstances")).isNull();
  }

  @Test
  void a_newer_text_in_the_same_slot_replaces_the_older_one() {
    RecentByText<String> recent = new RecentByText<>(1);
    recent.put("ListBuckets", "first");
    recent.put("GetObject", "second");

    assertThat(recent.get("ListBuckets")).isNull();
    assertThat(recent.get("GetObject")).isEqualTo("second");
  }

  @Test
  void refuses_a_size_that_is_not_a_power_of_two() {
    assertThatThrownBy(() -> new RecentByText<Boolean>(12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two: 12");
  }
}
