package io.trailhound.source.okta;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.FieldValue;
import io.trailhound.source.SkipReason;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.testing.IdentityReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OktaReaderTest {

  @Test
  void reads_an_api_page_of_log_events_as_okta_events() {
    IdentityReading.Result r = IdentityReading.fixtures("okta/system-log-page.json");

    assertThat(r.report().skipped()).isZero();
    assertThat(r.events()).hasSize(8).allMatch(e -> e.sourceType().equals("okta"));
    assertThat(r.events())
        .extracting(e -> e.view().api())
        .containsExactly(
            "user.session.start",
            "user.authentication.sso",
            "user.mfa.factor.deactivate",
            "policy.lifecycle.update",
            "app.oauth2.as.token.grant",
            "system.api_token.create",
            "user.session.start",
            "user.authentication.auth_via_mfa");
    assertThat(r.report().eventsBySource())
        .containsEntry("okta", 8L)
        .doesNotContainKey("cloudtrail");
  }

  @Test
  void normalises_a_user_sign_in_into_actor_source_and_outcome() throws Exception {
    Event e =
        IdentityReading.fixtures("okta/system-log-page.json")
            .event("6f1c2a3e-8b7d-11ee-9c2a-5b8a1f7e2c10");
    EventView v = e.view();

    assertThat(v.time()).isEqualTo(Instant.parse("2026-11-16T08:02:11.482Z"));
    assertThat(v.service()).isEqualTo("okta");
    assertThat(v.eventCategory()).isEqualTo("user");
    assertThat(v.outcome().success()).isTrue();
    assertThat(v.actor().type()).isEqualTo("OktaUser");
    assertThat(v.actor().principalId()).isEqualTo("00u8xst9ajkPqVZRt5d7");
    assertThat(v.actor().email()).isEqualTo("maria.garcia@example.com");
    assertThat(v.actor().userName()).isEqualTo("Maria Garcia");
    assertThat(v.actor().sessionName()).isEqualTo("102Jx1RBUoXTZ-6lKmVfHm0sA");
    assertThat(v.actor().display()).isEqualTo("maria.garcia@example.com");
    assertThat(v.source().ip()).isEqualTo("198.51.100.23");
    assertThat(v.source().userAgent()).startsWith("Mozilla/5.0 (Macintosh");
    assertThat(v.source().geo().country()).isEqualTo("United States");
    assertThat(v.source().geo().city()).isEqualTo("Portland");
    assertThat(v.source().geo().latitude()).isEqualTo(45.5235);
    assertThat(v.source().geo().asn()).isEqualTo("7922");
    assertThat(v.source().geo().network()).isEqualTo("comcast");
    String file =
        Files.readString(
            IdentityReading.fixture("okta/system-log-page.json"), StandardCharsets.UTF_8);
    assertThat(file).contains(e.rawJson());
  }

  @Test
  void a_failed_sign_in_is_a_failure_with_okta_reason() {
    EventView v =
        IdentityReading.fixtures("okta/system-log-page.json")
            .event("c9d0e1f2-8b80-11ee-a4c1-7e3f5a9b2d43")
            .view();

    assertThat(v.outcome().success()).isFalse();
    assertThat(v.outcome().errorCode()).isEqualTo("FAILURE");
    assertThat(v.outcome().errorMessage()).isEqualTo("INVALID_CREDENTIALS");
    assertThat(v.source().geo().country()).isEqualTo("Russia");
  }

  @Test
  void targets_become_resources_and_apps_are_actors_without_email() {
    IdentityReading.Result r = IdentityReading.fixtures("okta/system-log-page.json");

    EventView mfa = r.event("8c4d5e60-8b7e-11ee-b1f0-6d2c9e3a4b21").view();
    assertThat(mfa.actor().email()).isEqualTo("it-admin@example.com");
    assertThat(mfa.resources())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.arn()).isEqualTo("maria.garcia@example.com");
              assertThat(t.type()).isEqualTo("OktaUser");
            });
    EventView token = r.event("a1b2c3d4-8b7f-11ee-8f3e-2b5d7c9e1a32").view();
    assertThat(token.actor().type()).isEqualTo("OktaPublicClientApp");
    assertThat(token.actor().email()).isNull();
    assertThat(token.actor().display()).isEqualTo("terraform-okta");
  }

  @Test
  void rules_read_raw_okta_paths() {
    Event e =
        IdentityReading.fixtures("okta/system-log-page.json")
            .event("8c4d5e60-8b7e-11ee-b1f0-6d2c9e3a4b21");

    assertThat(e.values("debugContext.debugData.factor"))
        .containsExactly(new FieldValue.Text("OKTA_VERIFY_PUSH"));
    assertThat(e.values("target.type")).containsExactly(new FieldValue.Text("User"));
    assertThat(e.values("outcome.result")).containsExactly(new FieldValue.Text("SUCCESS"));
  }

  @Test
  void json_lines_and_the_eventbridge_log_stream_read_the_same_events() {
    IdentityReading.Result r =
        IdentityReading.fixtures("okta/system-log.jsonl", "okta/eventbridge-log-stream.json");

    assertThat(r.report().skipped()).isZero();
    assertThat(r.events()).hasSize(5);
    Event streamed = r.event("b5c6d7e8-8b7f-11ee-8f3e-2b5d7c9e1a32");
    assertThat(streamed.view().api()).isEqualTo("system.api_token.create");
    assertThat(streamed.rawJson()).startsWith("{").doesNotContain("detail-type");
  }

  @Test
  void the_same_event_in_two_exports_is_read_once() {
    IdentityReading.Result r =
        IdentityReading.fixtures("okta/system-log-page.json", "okta/system-log.jsonl");

    assertThat(r.events()).hasSize(8);
    assertThat(r.report().duplicates()).isEqualTo(4);
  }

  @Test
  void bad_records_are_counted_with_their_reason_and_the_rest_is_read() {
    IdentityReading.Result r = IdentityReading.fixtures("okta/bad.jsonl");

    assertThat(r.events())
        .extracting(Event::id)
        .containsExactly(
            "e0000000-0000-4000-8000-000000000001", "e0000000-0000-4000-8000-000000000009");
    assertThat(r.skipped(SkipReason.MISSING_FIELD)).isEqualTo(2); // uuid, published
    assertThat(r.skipped(SkipReason.INVALID_VALUE)).isEqualTo(1); // published not a time
    assertThat(r.skipped(SkipReason.WRONG_TYPE)).isEqualTo(2); // actor string, numeric eventType
    assertThat(r.skipped(SkipReason.INVALID_JSON)).isEqualTo(2); // truncated line, prose line
    assertThat(r.report().examples().get(SkipReason.MISSING_FIELD))
        .extracting(s -> s.detail())
        .containsExactly("uuid is missing", "published is missing");
    assertThat(r.report().examples().get(SkipReason.MISSING_FIELD))
        .allMatch(s -> s.location().endsWith("bad.jsonl"));
  }

  @Test
  void a_huge_record_and_one_with_bad_utf8_are_skipped_alone() {
    IdentityReading.Result r =
        IdentityReading.read(
            IngestOptions.defaults().withThreads(1).withMaxRecordBytes(64 * 1024),
            List.of(IdentityReading.fixture("okta/huge-and-non-utf8.jsonl")));

    assertThat(r.events())
        .extracting(Event::id)
        .containsExactly("f0000000-0000-4000-8000-0000000000b2");
    assertThat(r.skipped(SkipReason.TOO_LARGE)).isEqualTo(1);
    assertThat(r.skipped(SkipReason.INVALID_UTF8)).isEqualTo(1);
    assertThat(r.report().examples().get(SkipReason.TOO_LARGE).get(0).record()).isZero();
  }
}
