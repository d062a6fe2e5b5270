package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An investigation reads the same on every run: the addresses its response blocks come in the
 * scope's order, and the clients and APIs a shell's verdict names in sorted order. ({@code
 * Set.copyOf} iterates in an order drawn per JVM, so two runs of the same investigation listed the
 * same addresses in different orders.)
 */
class DeterministicOrderTest {

  private static final List<String> ADDRESSES =
      List.of(
          "203.0.113.9",
          "198.51.100.4",
          "192.0.2.77",
          "203.0.113.1",
          "45.155.205.23",
          "194.165.16.35",
          "2001:db8::7");

  @Test
  void the_footprint_keeps_its_addresses_in_the_order_of_its_scope() {
    Footprint f = Footprint.of(List.of(), new LinkedHashSet<>(ADDRESSES), new InMemoryEventIndex());

    assertThat(List.copyOf(f.ips)).containsExactlyElementsOf(ADDRESSES);
  }

  @Test
  void a_shell_names_its_new_clients_and_apis_in_sorted_order() {
    EventRecord command =
        new EventRecord(
            "e-1",
            Instant.parse("2026-11-16T00:00:00Z"),
            "cloudtrail",
            "123456789012",
            "us-east-1",
            "ssm.amazonaws.com",
            "SendCommand",
            false,
            null,
            "IAMUser",
            "arn:aws:iam::123456789012:user/a",
            "a",
            "AKIAEXAMPLE",
            null,
            null,
            null,
            null,
            "203.0.113.9",
            "aws-cli/2",
            List.of(),
            0,
            Map.of());
    Set<String> clients = new TreeSet<>(ADDRESSES);
    Set<String> apis =
        new TreeSet<>(
            List.of(
                "ListBuckets",
                "GetCallerIdentity",
                "ListRoles",
                "DescribeInstances",
                "ListUsers",
                "GetAccountAuthorizationDetails"));

    InstanceShell shell = new InstanceShell(command, "i-0abc", "i-0abc", List.of(), clients, apis);

    assertThat(List.copyOf(shell.clients())).containsExactlyElementsOf(clients);
    assertThat(List.copyOf(shell.apis())).containsExactlyElementsOf(apis);
  }
}
