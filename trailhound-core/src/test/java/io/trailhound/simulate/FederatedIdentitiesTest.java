package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Actor;
import io.trailhound.event.EventView;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background holds every federated identity type (SAML, web identity, federation tokens), and
 * the CloudTrail reader reads them without skips and names their actors the way an analyst would.
 */
class FederatedIdentitiesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void saml_web_identity_and_federated_users_are_read_and_their_actors_normalised()
      throws IOException {
    SimulationSummary sim = Simulator.run(SimulatorTest.trailOnly(31, tmp));
    Queue<EventView> views = new ConcurrentLinkedQueue<>();
    IngestReport report =
        new IngestService(CLOCK)
            .run(
                InputSpec.expand(List.of(sim.logs().toString())),
                IngestOptions.defaults(),
                e -> views.add(e.view()));
    assertThat(report.skipped()).isZero();

    List<EventView> saml = of(views, "SAMLUser");
    assertThat(saml).isNotEmpty().allMatch(v -> v.api().equals("AssumeRoleWithSAML"));
    Actor person = saml.get(0).actor();
    assertThat(person.userName()).endsWith("@example.com");
    assertThat(person.principalId()).endsWith(":" + person.userName());
    assertThat(views)
        .as("the SAML session's calls are made as the SSO role, session named by email")
        .anyMatch(
            v ->
                "AssumedRole".equals(v.actor().type())
                    && person.userName().equals(v.actor().sessionName())
                    && v.actor().sessionIssuerArn().contains(":role/AWSReservedSSO_"));

    List<EventView> web = of(views, "WebIdentityUser");
    assertThat(web).isNotEmpty().allMatch(v -> v.api().equals("AssumeRoleWithWebIdentity"));
    assertThat(web.get(0).actor().userName()).matches("repo:acme/.+-infra:ref:refs/heads/main");

    // The reporting portal's users (the sts-federation-token scenario mints others).
    List<EventView> federated =
        of(views, "FederatedUser").stream()
            .filter(v -> v.actor().sessionIssuerArn().endsWith("-reporting-portal"))
            .toList();
    assertThat(federated).isNotEmpty();
    Actor fed = federated.get(0).actor();
    assertThat(fed.principalArn()).matches("arn:aws:sts::\\d{12}:federated-user/portal-.+");
    assertThat(fed.userName()).startsWith("portal-");
    assertThat(fed.sessionIssuerType()).isEqualTo("IAMUser");
    assertThat(fed.sessionIssuerArn()).endsWith("-reporting-portal");
    assertThat(fed.accessKeyId()).startsWith("ASIA");
    assertThat(views)
        .as("every federated user was issued by a GetFederationToken of the broker")
        .anyMatch(
            v ->
                v.api().equals("GetFederationToken")
                    && "IAMUser".equals(v.actor().type())
                    && v.actor().principalArn().equals(fed.sessionIssuerArn()));
  }

  private static List<EventView> of(Queue<EventView> views, String type) {
    return views.stream().filter(v -> type.equals(v.actor().type())).toList();
  }
}
