package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.testing.SharedCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every (eventName, identity type) that both the simulator and the public corpus produce, the
 * generated records carry every top-level and {@code userIdentity} key the real records always
 * carry. Keys CloudTrail writes only in some conditions (errors, VPC endpoints, cross-account
 * copies) are left out of the comparison.
 */
class FieldCompletenessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CONDITIONAL =
      Set.of(
          "errorCode",
          "errorMessage",
          "vpcEndpointId",
          "vpcEndpointAccountId",
          "sharedEventID",
          "apiVersion",
          "addendum",
          "sessionCredentialFromConsole",
          "eventContext",
          "edgeDeviceDetails",
          "serviceEventDetails",
          "insightDetails",
          "userIdentity.invokedBy");

  @TempDir Path tmp;

  @Test
  void generated_records_have_every_key_real_records_of_the_same_api_and_identity_have()
      throws IOException {
    Map<String, Set<String>> real = new HashMap<>();
    Path events = SharedCorpus.require("corpus/logs/cloudtrail/traildiscover/events");
    try (Stream<Path> files = Files.walk(events)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json.cloudtrail")).toList()) {
        JsonNode root = JSON.readTree(f.toFile());
        (root.has("Records") ? root.get("Records") : root).forEach(r -> keep(real, r));
      }
    }
    Path sweep = SharedCorpus.require("corpus/logs/cloudtrail/opensearch-audit-sweep/events.jsonl");
    try (BufferedReader r = Files.newBufferedReader(sweep, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        keep(real, JSON.readTree(line));
      }
    }

    SimulationSummary sim = Simulator.run(SimulatorTest.small(21, tmp));
    Map<String, Set<String>> missing = new TreeMap<>();
    Set<String> compared = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sim.logs())) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().contains("/CloudTrail/"))
              .toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          for (JsonNode r : JSON.readTree(in).get("Records")) {
            Set<String> expected = real.get(key(r));
            if (expected != null) {
              compared.add(key(r));
              Set<String> lacking = new TreeSet<>(expected);
              lacking.removeAll(keys(r));
              if (!lacking.isEmpty()) {
                missing.computeIfAbsent(key(r), k -> new TreeSet<>()).addAll(lacking);
              }
            }
          }
        }
      }
    }

    assertThat(compared)
        .as("pairs compared")
        .hasSizeGreaterThanOrEqualTo(15)
        .contains(
            "GetCallerIdentity/IAMUser",
            "ListBuckets/IAMUser",
            "CreateUser/IAMUser",
            "RunInstances/IAMUser",
            "StopLogging/IAMUser",
            "AssumeRole/AWSService",
            "GetFederationToken/IAMUser");
    assertThat(missing).as("keys missing from generated records").isEmpty();
  }

  private static void keep(Map<String, Set<String>> real, JsonNode r) {
    if (!r.has("eventName")) {
      return;
    }
    Set<String> k = keys(r);
    k.removeAll(CONDITIONAL);
    real.merge(
        key(r),
        k,
        (a, b) -> {
          a.retainAll(b);
          return a;
        });
  }

  private static String key(JsonNode r) {
    return r.path("eventName").asText() + "/" + r.path("userIdentity").path("type").asText("none");
  }

  private static Set<String> keys(JsonNode r) {
    Set<String> out = new HashSet<>();
    r.fieldNames().forEachRemaining(out::add);
    for (Iterator<String> it = r.path("userIdentity").fieldNames(); it.hasNext(); ) {
      out.add("userIdentity." + it.next());
    }
    return out;
  }
}
