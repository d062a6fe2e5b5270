package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.testing.MapEnricher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack chains whose first step only behaviour state can see (a new location, a first bucket
 * listing, an unusual launch): the built-in rules and the baselines scanning eight days of history
 * and one scenario, with the test enrichment (203.0.113.0/24 is the attacker's NL network).
 */
class ChainScanTest {

  private static final Path DIR = Path.of("src/test/resources/chains");
  private static final MapEnricher ENRICHER =
      new MapEnricher(Path.of("src/test/resources/baseline/enrichment.tsv"));
  private static final RuleCatalog CATALOG = RuleCatalog.load(true, List.of(), Placeholders.none());

  private static final String IAM = "th-chain-iam-compromise-from-new-location";
  private static final String S3 = "th-chain-s3-exfiltration-new-actor";
  private static final String EC2 = "th-chain-ec2-cryptomining-unusual-launch";
  private static final List<String> CHAINS = List.of(IAM, S3, EC2);

  @TempDir Path temp;

  private static List<Finding> scan(List<Path> files) {
    ScanResult result =
        new ScanService(Clock.systemUTC())
            .scan(
                InputSpec.expand(files.stream().map(Path::toString).toList()),
                CATALOG,
                ScanOptions.defaults()
                    .withThreads(2)
                    .withStage(
                        BaselineStage.factory(
                            ENRICHER, BaselineStage.newStore(), BaselineStage.defaultConfig())));
    return result.findings();
  }

  private static List<Finding> scan(String scenario) {
    return scan(List.of(DIR.resolve("history.jsonl"), DIR.resolve(scenario)));
  }

  private static List<Finding> of(List<Finding> findings, String ruleId) {
    return findings.stream().filter(f -> f.rule().name().equals(ruleId)).toList();
  }

  private static List<String> chains(List<Finding> findings) {
    return findings.stream()
        .filter(f -> CHAINS.contains(f.rule().name()))
        .map(f -> f.rule().name() + " " + f.actor() + " " + f.evidence())
        .toList();
  }

  private static List<String> ids(String scenario) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(scenario), StandardCharsets.UTF_8)) {
      int at = line.indexOf("\"eventID\": \"") + 12;
      ids.add(line.substring(at, line.indexOf('"', at)));
    }
    return ids;
  }

  @Test
  void a_key_used_from_a_new_country_then_escalating_and_persisting_is_a_critical_chain()
      throws IOException {
    List<Finding> findings = scan("iam-compromise.jsonl");

    assertThat(of(findings, "th-baseline-unusual-location")).isNotEmpty();
    Finding chain = of(findings, IAM).stream().findFirst().orElseThrow();
    assertThat(of(findings, IAM)).hasSize(1);
    assertThat(chain.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(chain.actor()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    assertThat(chain.sourceIps()).containsExactly("203.0.113.9");
    List<String> steps = ids("iam-compromise.jsonl");
    // the first call from the new network is both the new location and the discovery step
    assertThat(chain.evidence()).containsExactly(steps.get(0), steps.get(2), steps.get(3));
    assertThat(chain.rule().types()).contains("AttackSequence:IAM/CompromisedCredentials");
    assertThat(chain.explanation())
        .startsWith("arn:aws:iam::111122223333:user/alice: ")
        .contains("2026-11-10T03:05:00Z AttachUserPolicy from 203.0.113.9")
        .contains("th-baseline-unusual-location: ")
        .contains("AS64511");
  }

  @Test
  void an_admins_iam_work_from_the_other_office_address_is_no_compromise_from_a_new_location() {
    List<Finding> findings = scan("iam-admin-office.jsonl");

    assertThat(of(findings, "th-chain-iam-credential-compromise")).hasSize(1);
    assertThat(of(findings, "th-baseline-unusual-location")).isEmpty();
    assertThat(of(findings, IAM)).isEmpty();
  }

  @Test
  void a_new_location_that_only_looks_around_or_comes_after_the_changes_is_no_chain() {
    List<Finding> lookaround = scan("iam-new-location-lookaround.jsonl");
    List<Finding> after = scan("iam-steps-before-new-location.jsonl");

    assertThat(of(lookaround, "th-baseline-unusual-location")).hasSize(1);
    assertThat(of(lookaround, IAM)).isEmpty();
    assertThat(of(after, "th-baseline-unusual-location")).hasSize(1);
    assertThat(of(after, IAM)).isEmpty();
  }

  @Test
  void a_first_bucket_listing_then_an_opened_bucket_and_a_read_burst_is_exfiltration() {
    List<Finding> findings = scan("s3-new-actor-exfiltration.jsonl");

    Finding chain = of(findings, S3).stream().findFirst().orElseThrow();
    assertThat(of(findings, S3)).hasSize(1);
    assertThat(chain.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(chain.actor()).isEqualTo("arn:aws:iam::111122223333:user/bob");
    assertThat(chain.rule().types()).contains("AttackSequence:S3/CompromisedData");
    assertThat(of(findings, "th-baseline-s3-anomalous-discovery")).hasSize(1);
  }

  @Test
  void a_data_team_publishing_as_usual_or_a_new_reader_opening_nothing_is_no_exfiltration() {
    List<Finding> team = scan("s3-data-team-publishes.jsonl");
    List<Finding> reads = scan("s3-new-actor-reads-only.jsonl");

    assertThat(of(team, "th-chain-s3-exfiltration")).hasSize(1);
    assertThat(of(team, S3)).isEmpty();
    assertThat(of(reads, "th-baseline-s3-anomalous-discovery")).hasSize(1);
    assertThat(of(reads, S3)).isEmpty();
  }

  @Test
  void a_gpu_launch_in_a_new_region_by_a_principal_that_launches_small_instances_is_mining()
      throws IOException {
    List<Finding> findings = scan("ec2-unusual-gpu-launch.jsonl");

    Finding chain = of(findings, EC2).stream().findFirst().orElseThrow();
    assertThat(of(findings, EC2)).hasSize(1);
    assertThat(chain.severity()).isEqualTo(Severity.HIGH);
    assertThat(chain.actor()).isEqualTo("arn:aws:iam::111122223333:user/carol");
    assertThat(chain.evidence()).containsExactlyElementsOf(ids("ec2-unusual-gpu-launch.jsonl"));
  }

  @Test
  void a_ci_roles_daily_gpu_launch_or_a_new_small_type_is_no_mining() {
    List<Finding> ci = scan("ec2-ci-daily-gpu.jsonl");
    List<Finding> small = scan("ec2-new-small-type.jsonl");

    assertThat(of(ci, "th-baseline-instance-launch-unusual")).isEmpty();
    assertThat(of(ci, EC2)).isEmpty();
    assertThat(of(small, "th-baseline-instance-launch-unusual")).hasSize(1);
    assertThat(of(small, EC2)).isEmpty();
  }

  @Test
  void the_chains_are_the_same_whatever_the_order_of_events_and_files() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String scenario :
        List.of(
            "history.jsonl",
            "iam-compromise.jsonl",
            "s3-new-actor-exfiltration.jsonl",
            "ec2-unusual-gpu-launch.jsonl",
            "ec2-ci-daily-gpu.jsonl")) {
      lines.addAll(Files.readAllLines(DIR.resolve(scenario), StandardCharsets.UTF_8));
    }
    List<String> expected = chains(scan(write(lines, 0, 1)));
    assertThat(expected).hasSize(3);
    for (long seed = 1; seed <= 4; seed++) {
      assertThat(chains(scan(write(lines, seed, 3)))).as("seed " + seed).isEqualTo(expected);
    }
  }

  /** The lines shuffled by {@code seed} (none for 0), split over {@code parts} files. */
  private List<Path> write(List<String> lines, long seed, int parts) throws IOException {
    List<String> shuffled = new ArrayList<>(lines);
    if (seed != 0) {
      Collections.shuffle(shuffled, new Random(seed));
    }
    List<Path> files = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      Path file = temp.resolve("seed" + seed + "-part" + p + ".jsonl");
      Files.write(
          file,
          shuffled.subList(p * shuffled.size() / parts, (p + 1) * shuffled.size() / parts),
          StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }
}
