package io.trailhound.source.m365;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.FieldValue;
import io.trailhound.source.SkipReason;
import io.trailhound.testing.IdentityReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnifiedAuditReaderTest {

  private static final String TENANT = "4b1f3c8e-2a6d-4e9b-8f7a-0c5d1e2f3a4b";

  private final IdentityReading.Result content =
      IdentityReading.fixtures("m365/audit-general-content.json");

  @Test
  void reads_a_content_blob_of_every_workload_as_m365_events() {
    assertThat(content.report().skipped()).isZero();
    assertThat(content.events()).hasSize(5).allMatch(e -> e.sourceType().equals("m365"));
    assertThat(content.events())
        .extracting(e -> e.view().service() + "/" + e.view().api())
        .containsExactly(
            "AzureActiveDirectory/UserLoggedIn",
            "AzureActiveDirectory/UserLoginFailed",
            "AzureActiveDirectory/Add member to role.",
            "Exchange/New-InboxRule",
            "SharePoint/FileDownloaded");
  }

  @Test
  void a_sign_in_names_the_user_tenant_address_and_agent() {
    EventView v = content.event("0b7d2f6e-1c4a-4e8b-9f3d-2a5c7e9b1d40").view();

    assertThat(v.time()).isEqualTo(Instant.parse("2026-11-16T08:01:58Z"));
    assertThat(v.account()).isEqualTo(TENANT);
    assertThat(v.eventType()).isEqualTo("15");
    assertThat(v.actor().type()).isEqualTo("M365User");
    assertThat(v.actor().email()).isEqualTo("maria.garcia@contoso.com");
    assertThat(v.actor().principalId()).isEqualTo("10032001A4B5C6D7");
    assertThat(v.source().ip()).isEqualTo("198.51.100.23");
    assertThat(v.source().userAgent()).contains("Edg/119.0.0.0");
    assertThat(v.outcome().success()).isTrue();
  }

  @Test
  void a_failed_login_carries_the_logon_error() {
    EventView v = content.event("1c8e3a7f-2d5b-4f9c-8a4e-3b6d8f0c2e51").view();

    assertThat(v.outcome().success()).isFalse();
    assertThat(v.outcome().errorCode()).isEqualTo("InvalidUserNameOrPassword");
    assertThat(v.source().userAgent()).isEqualTo("python-requests/2.31.0");
  }

  @Test
  void exchange_addresses_lose_their_port_and_brackets() {
    EventView v = content.event("3ea05c91-4f7d-4b1e-8c6a-5d8f0b2e4a73").view();

    assertThat(v.source().ip()).isEqualTo("2001:db8:4f2a::17");
    assertThat(v.outcome().success()).isTrue();
    assertThat(UnifiedAuditNormaliser.clientIp("203.0.113.5:51234")).isEqualTo("203.0.113.5");
    assertThat(UnifiedAuditNormaliser.clientIp("2001:db8::1")).isEqualTo("2001:db8::1");
  }

  @Test
  void rules_read_the_raw_member_names_including_name_value_lists() {
    Event e = content.event("2d9f4b80-3e6c-4a0d-9b5f-4c7e9a1d3f62");

    assertThat(e.values("Operation")).containsExactly(new FieldValue.Text("Add member to role."));
    assertThat(e.values("ModifiedProperties.NewValue"))
        .contains(new FieldValue.Text("Global Administrator"));
    assertThat(e.view().resources())
        .extracting(r -> r.arn())
        .containsExactly("alex.wu@contoso.com");
  }

  @Test
  void records_missing_id_or_creation_time_or_of_wrong_types_are_skipped_with_reasons() {
    IdentityReading.Result r = IdentityReading.fixtures("m365/bad.jsonl");

    assertThat(r.events())
        .extracting(Event::id)
        .containsExactly("5ac27eb3-6b9f-4d30-8e8c-7fab2d4a6c95");
    assertThat(r.skipped(SkipReason.MISSING_FIELD)).isEqualTo(2);
    assertThat(r.report().examples().get(SkipReason.MISSING_FIELD))
        .extracting(s -> s.detail())
        .containsExactly("Id is missing", "CreationTime is missing");
    assertThat(r.skipped(SkipReason.WRONG_TYPE)).isEqualTo(2); // numeric time, string list
  }
}
