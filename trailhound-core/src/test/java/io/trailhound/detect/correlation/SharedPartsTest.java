package io.trailhound.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.EventView;
import io.trailhound.finding.TestEvents;
import org.junit.jupiter.api.Test;

/** Compacted views equal the originals and share equal parts. */
class SharedPartsTest {

  @Test
  void compacted_views_are_equal_and_share_their_parts() {
    SharedParts shared = new SharedParts();
    EventView a =
        TestEvents.event("e1", "2024-01-01T00:00:00Z", "arn:aws:iam::1:user/a", "X").view();
    EventView b =
        TestEvents.event("e2", "2024-01-01T00:00:01Z", "arn:aws:iam::1:user/a", "X").view();
    EventView ca = shared.compact(a);
    EventView cb = shared.compact(b);
    assertThat(ca).isEqualTo(a);
    assertThat(cb).isEqualTo(b);
    assertThat(cb.actor()).isSameAs(ca.actor());
    assertThat(cb.source()).isSameAs(ca.source());
    assertThat(cb.resources()).isSameAs(ca.resources());
    assertThat(cb.api()).isSameAs(ca.api());
  }
}
