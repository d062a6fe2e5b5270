package io.trailhound.source.m365;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.source.SkipReason;
import io.trailhound.testing.IdentityReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInReaderTest {

  @Test
  void reads_graph_pages_arrays_and_lines_alike() {
    IdentityReading.Result pages =
        IdentityReading.fixtures("entra/signins-page-1.json", "entra/signins-array.json");
    IdentityReading.Result lines = IdentityReading.fixtures("entra/signins.jsonl");

    assertThat(pages.report().skipped()).isZero();
    assertThat(pages.events()).hasSize(3).allMatch(e -> e.sourceType().equals("entra"));
    assertThat(lines.events())
        .extracting(Event::id)
        .containsExactlyInAnyOrderElementsOf(pages.events().stream().map(Event::id).toList());
    assertThat(pages.events().get(0).rawJson()).doesNotContain("@odata");
  }

  @Test
  void a_successful_sign_in_with_mfa_names_user_app_and_location() {
    EventView v =
        IdentityReading.fixtures("entra/signins.jsonl")
            .event("66ea54eb-6301-4ee5-be62-ff5a759b0100")
            .view();

    assertThat(v.time()).isEqualTo(Instant.parse("2026-11-16T08:01:57.6195833Z"));
    assertThat(v.api()).isEqualTo("SignIn");
    assertThat(v.eventType()).isEqualTo("interactive");
    assertThat(v.outcome().success()).isTrue();
    assertThat(v.actor().type()).isEqualTo("EntraUser");
    assertThat(v.actor().email()).isEqualTo("maria.garcia@contoso.com");
    assertThat(v.actor().principalId()).isEqualTo("8f4b2c1d-7e6a-4d3b-9c8e-1f2a3b4c5d6e");
    assertThat(v.actor().mfa()).isTrue();
    assertThat(v.account()).isEqualTo("4b1f3c8e-2a6d-4e9b-8f7a-0c5d1e2f3a4b");
    assertThat(v.source().geo().country()).isEqualTo("US");
    assertThat(v.source().geo().longitude()).isEqualTo(-122.3321);
    assertThat(v.resources())
        .extracting(r -> r.arn())
        .containsExactly("AWS IAM Identity Center (successor to AWS Single Sign-On)");
  }

  @Test
  void a_failed_sign_in_carries_the_error_code_and_single_factor_means_no_mfa() {
    EventView v =
        IdentityReading.fixtures("entra/signins.jsonl")
            .event("77fb65fc-7412-4ff6-cf73-00a86a0c1200")
            .view();

    assertThat(v.outcome().success()).isFalse();
    assertThat(v.outcome().errorCode()).isEqualTo("50126");
    assertThat(v.outcome().errorMessage()).startsWith("Invalid username or password");
    assertThat(v.actor().mfa()).isFalse();
    assertThat(v.source().userAgent()).isEqualTo("python-requests/2.31.0");
  }

  @Test
  void bad_sign_ins_are_counted_with_reasons_and_the_rest_is_read() {
    IdentityReading.Result r = IdentityReading.fixtures("entra/bad.jsonl");

    assertThat(r.events())
        .extracting(Event::id)
        .containsExactly("99bd87be-9634-41b8-e195-22ca8c2e3400");
    assertThat(r.report().examples().get(SkipReason.MISSING_FIELD))
        .extracting(s -> s.detail())
        .containsExactly("id is missing", "createdDateTime is missing");
    assertThat(r.skipped(SkipReason.WRONG_TYPE)).isEqualTo(1); // status as a string
    assertThat(r.skipped(SkipReason.INVALID_VALUE)).isEqualTo(1); // not ISO-8601
  }
}
