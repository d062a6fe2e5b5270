package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
  private static JsonNode compromise;

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
        compromise = f;
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
  void scan_with_a_store_investigates_over_the_store_not_only_the_files_it_read()
      throws IOException {
    // A later scan reads only the files holding the finding's own events; the rest of the
    // attacker's footprint (patient zero, the persistence) is in the store from the first scan.
    Path later = tmp.resolve("later");
    Set<String> evidence = new HashSet<>();
    compromise.get("evidence").forEach(id -> evidence.add(id.asText()));
    Set<String> read = copyFilesHolding(evidence, later);
    Path copy = tmp.resolve("copy.duckdb");
    Files.copy(store, copy);
    Path report = tmp.resolve("report");

    Cli scan =
        Cli.run(
            "scan",
            "--no-progress",
            "--output",
            "jsonl",
            "--store",
            copy.toString(),
            "--investigate",
            "high",
            "--report",
            report.toString(),
            later.toString());

    assertThat(scan.code()).as(scan.err()).isIn(0, 1);
    assertThat(scan.err()).contains("investigated");
    JsonNode fromScan = null;
    for (JsonNode incident :
        JSON.readTree(report.resolve("incidents.json").toFile()).get("incidents")) {
      for (JsonNode inv : incident.get("investigations")) {
        if (inv.get("finding_id").asText().equals(compromiseId)) {
          fromScan = inv;
        }
      }
    }
    assertThat(fromScan).as("investigation of " + compromiseId + " in the report").isNotNull();
    JsonNode fromStore = investigate("--store", store.toString(), compromiseId);
    assertThat(fromScan.get("evidence")).isEqualTo(fromStore.get("evidence"));
    assertThat(fromScan.at("/summary/patient_zero"))
        .isEqualTo(fromStore.at("/summary/patient_zero"));
    assertThat(fromScan.get("persistence")).isEqualTo(fromStore.get("persistence"));
    Set<String> outside = new HashSet<>();
    fromScan.get("evidence").forEach(id -> outside.add(id.asText()));
    outside.removeAll(read);
    assertThat(outside).as("evidence only the store holds").isNotEmpty();
  }

  /**
   * Copies the log files holding any of {@code ids} under {@code to} (same layout) and returns the
   * ids of every event in the copied files.
   */
  private static Set<String> copyFilesHolding(Set<String> ids, Path to) throws IOException {
    Set<String> read = new HashSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(logs.resolve("AWSLogs"))) {
      files =
          walk.filter(p -> p.toString().endsWith(".json.gz"))
              .filter(p -> !p.toString().contains("Digest"))
              .toList();
    }
    for (Path f : files) {
      JsonNode records;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        records = JSON.readTree(in).get("Records");
      }
      Set<String> inFile = new HashSet<>();
      records.forEach(r -> inFile.add(r.get("eventID").asText()));
      if (!java.util.Collections.disjoint(inFile, ids)) {
        Path target = to.resolve(logs.relativize(f));
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
        read.addAll(inFile);
      }
    }
    assertThat(read).containsAll(ids);
    return read;
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
