package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code investigate --store}: the same finding investigated from the logs and from the store
 * filled by {@code scan --store} over a simulated organisation gives the same investigation.
 */
class InvestigateFromStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static Path logs;
  private static Path store;
  private static String compromiseId;

  @BeforeAll
  static void simulate_and_store() throws IOException {
    logs = tmp.resolve("logs");
    store = tmp.resolve("org.duckdb");
    Cli sim =
        Cli.run(
            "simulate",
            "--seed",
            "7",
            "--scale",
            "0.1",
            "--sources",
            "cloudtrail",
            "--out",
            logs.toString());
    assertThat(sim.code()).as(sim.err()).isZero();
    Cli scan =
        Cli.run(
            "scan",
            "--no-progress",
            "--output",
            "jsonl",
            "--store",
            store.toString(),
            logs.toString());
    assertThat(scan.code()).as(scan.err()).isIn(0, 1);
    for (String line : scan.out().split("\n")) {
      JsonNode f = JSON.readTree(line);
      if (f.get("rule_name").asText().equals("th-chain-iam-credential-compromise")) {
        compromiseId = f.get("id").asText();
      }
    }
    assertThat(compromiseId).as("credential-compromise finding in " + scan.out()).isNotNull();
  }

  private static JsonNode investigate(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    all[0] = "investigate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--output";
    all[args.length + 2] = "json";
    Cli run = Cli.run(all);
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void a_credential_compromise_investigated_from_the_store_matches_the_one_from_the_logs()
      throws IOException {
    JsonNode fromLogs = investigate(logs.toString(), compromiseId);
    JsonNode fromStore = investigate("--store", store.toString(), compromiseId);

    assertThat(fromStore.get("actor").get("links")).isEqualTo(fromLogs.get("actor").get("links"));
    assertThat(fromStore.at("/summary/patient_zero"))
        .isEqualTo(fromLogs.at("/summary/patient_zero"));
    assertThat(fromStore.get("evidence")).isEqualTo(fromLogs.get("evidence"));
    assertThat(fromStore.get("persistence")).isEqualTo(fromLogs.get("persistence"));
    assertThat(fromStore).isEqualTo(fromLogs);
    // and the comparison is about something: the attack was found in both
    assertThat(fromLogs.at("/verdict/kind").asText()).isEqualTo("malicious");
    assertThat(fromLogs.at("/summary/patient_zero").asText()).isNotEmpty();
    assertThat(fromLogs.at("/actor/links").size()).isPositive();
    assertThat(fromLogs.get("persistence").size()).isPositive();
    assertThat(fromLogs.get("evidence").size()).isGreaterThan(10);
  }

  @Test
  void an_actor_investigated_from_the_store_matches_the_one_from_the_logs() throws IOException {
    JsonNode finding = investigate("--store", store.toString(), compromiseId);
    String key = null;
    for (JsonNode id : finding.at("/actor/identities")) {
      if (id.get("kind").asText().equals("access-key")) {
        key = id.get("value").asText();
      }
    }
    assertThat(key).startsWith("AKIA");

    JsonNode fromLogs = investigate(logs.toString(), "--actor", key);
    JsonNode fromStore = investigate("--store", store.toString(), "--actor", key);

    assertThat(fromStore).isEqualTo(fromLogs);
    assertThat(fromStore.get("evidence").size()).isPositive();
  }

  @Test
  void a_finding_the_store_does_not_hold_is_a_usage_error() {
    Cli run = Cli.run("investigate", "--store", store.toString(), "no-such-finding");

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
    assertThat(run.err()).contains("no finding no-such-finding").contains("findings stored");
  }

  @Test
  void paths_and_a_store_together_are_a_usage_error() {
    Cli run = Cli.run("investigate", "--store", store.toString(), logs.toString(), compromiseId);

    assertThat(run.code()).isEqualTo(Trailhound.USAGE);
  }
}
