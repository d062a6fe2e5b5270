package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The federated identities the simulator writes (SAML, web identity, federation-token users) have
 * the fields of reference records, key by key, down to nested request and response elements. The
 * public corpus holds no successful records of these types, so the references in {@code
 * src/test/resources/simulate/documented} are transcribed from AWS's documentation (the
 * AssumeRoleWithSAML example of the STS CloudTrail page, the FederatedUser identity of the
 * userIdentity element page) and, for GitHub Actions' web identity, assembled from the fields AWS
 * documents for AssumeRoleWithWebIdentity.
 */
class FederatedShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys CloudTrail writes only in some conditions (tags, source identity, other callers). */
  private static final Set<String> CONDITIONAL =
      Set.of("responseElements.packedPolicySize", "responseElements.sourceIdentity");

  @TempDir static Path tmp;

  static List<JsonNode> records = new ArrayList<>();

  @BeforeAll
  static void simulate() throws IOException {
    SimulationSummary sim = Simulator.run(SimulatorTest.trailOnly(31, tmp));
    try (Stream<Path> files = Files.walk(sim.logs())) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().contains("/CloudTrail/"))
              .toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          JSON.readTree(in).get("Records").forEach(records::add);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AssumeRoleWithSAML",
        "AssumeRoleWithWebIdentity",
        "FederatedUser-GetCallerIdentity"
      })
  void generated_records_have_every_field_of_the_reference_and_the_same_identity_shape(String name)
      throws IOException {
    JsonNode reference;
    try (InputStream in =
        getClass().getResourceAsStream("/simulate/documented/" + name + ".json")) {
      reference = JSON.readTree(in);
    }
    String api = reference.path("eventName").asText();
    String type = reference.path("userIdentity").path("type").asText();
    List<JsonNode> generated =
        records.stream()
            .filter(r -> r.path("eventName").asText().equals(api))
            .filter(r -> r.path("userIdentity").path("type").asText().equals(type))
            .filter(r -> !r.has("errorCode"))
            .toList();
    assertThat(generated).as("%s by %s", api, type).isNotEmpty();

    Set<String> expected = paths(reference);
    expected.removeAll(CONDITIONAL);
    for (JsonNode r : generated) {
      assertThat(paths(r)).as(r.path("eventID").asText()).containsAll(expected);
      assertThat(paths(r.get("userIdentity")))
          .as("userIdentity of %s", r.path("eventID").asText())
          .isEqualTo(paths(reference.get("userIdentity")));
      assertThat(r.path("readOnly").asBoolean()).isEqualTo(reference.path("readOnly").asBoolean());
    }
  }

  @Test
  void a_saml_user_is_named_by_its_provider_qualifier_as_the_response_names_it() {
    List<JsonNode> saml =
        records.stream()
            .filter(r -> r.path("eventName").asText().equals("AssumeRoleWithSAML"))
            .toList();
    assertThat(saml).isNotEmpty();
    for (JsonNode r : saml) {
      JsonNode user = r.get("userIdentity");
      String qualifier = r.path("responseElements").path("nameQualifier").asText();
      assertThat(user.path("identityProvider").asText()).isEqualTo(qualifier);
      assertThat(user.path("principalId").asText())
          .isEqualTo(qualifier + ":" + r.path("responseElements").path("subject").asText());
      assertThat(r.path("requestParameters").path("principalArn").asText())
          .startsWith("arn:aws:iam::" + r.path("recipientAccountId").asText() + ":saml-provider/");
    }
  }

  /** Every object key path of {@code node}; arrays contribute their elements' keys. */
  private static Set<String> paths(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, "", out);
    return out;
  }

  private static void collect(JsonNode node, String prefix, Set<String> out) {
    if (node.isArray()) {
      node.forEach(e -> collect(e, prefix, out));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }
}
