package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.source.InputSpec;
import io.trailhound.testing.SharedCorpus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole scans over the public corpus with the built-in pack and the SigmaHQ AWS rules. */
class CorpusScanTest {

  private static RuleCatalog builtinAndSigmaHq() {
    Path sigma = SharedCorpus.require("corpus/sigma/rules/rules");
    return RuleCatalog.load(true, List.of(sigma), Placeholders.none());
  }

  private static ScanResult scan(RuleCatalog catalog, Path... inputs) {
    List<String> args = java.util.Arrays.stream(inputs).map(Path::toString).toList();
    return new ScanService(Clock.systemUTC())
        .scan(InputSpec.expand(args), catalog, ScanOptions.defaults().withThreads(2));
  }

  @Test
  void benign_audit_sweep_raises_no_high_or_critical_finding_with_the_builtin_pack() {
    Path sweep = SharedCorpus.require("corpus/logs/cloudtrail/opensearch-audit-sweep");
    RuleCatalog builtin = RuleCatalog.load(true, List.of(), Placeholders.none());

    ScanResult result =
        scan(builtin, sweep.resolve("events.jsonl"), sweep.resolve("events-small.jsonl"));

    assertThat(result.ingest().eventsDelivered() + result.ingest().duplicates()).isEqualTo(890);
    assertThat(result.ingest().skipped()).isZero();
    assertThat(result.findings())
        .filteredOn(f -> f.severity().atLeast(Severity.HIGH))
        .extracting(Finding::title)
        .isEmpty();
  }

  /**
   * With the SigmaHQ rules added, exactly one high-severity rule fires on the sweep: the
   * log-shipping agent's successful SSM SendCommand calls meet SigmaHQ's own definition of
   * "malicious usage of SSM" (its false positives name legitimate SSM use). The engine is right to
   * report it; the test pins that nothing else high appears.
   */
  @Test
  void benign_audit_sweep_with_sigmahq_rules_raises_only_the_known_ssm_high() {
    Path sweep = SharedCorpus.require("corpus/logs/cloudtrail/opensearch-audit-sweep");

    ScanResult result =
        scan(
            builtinAndSigmaHq(),
            sweep.resolve("events.jsonl"),
            sweep.resolve("events-small.jsonl"));

    assertThat(result.findings())
        .filteredOn(f -> f.severity().atLeast(Severity.HIGH))
        .allSatisfy(
            f -> {
              assertThat(f.rule().origin()).endsWith("aws_cloudtrail_ssm_malicious_usage.yml");
              assertThat(f.samples()).allSatisfy(v -> assertThat(v.api()).isEqualTo("SendCommand"));
            });
  }

  @Test
  void denied_attempts_to_blind_monitoring_in_real_events_are_found() {
    Path events = SharedCorpus.require("corpus/logs/cloudtrail/traildiscover/events");

    ScanResult result =
        scan(builtinAndSigmaHq(), events.resolve("CloudTrail"), events.resolve("GuardDuty"));

    assertThat(result.ingest().eventsDelivered()).isEqualTo(19);
    Finding denied =
        result.findings().stream()
            .filter(f -> f.rule().name().equals("th-security-tampering-attempt-denied"))
            .findFirst()
            .orElseThrow();
    assertThat(denied.samples()).extracting(v -> v.api()).contains("DeleteTrail", "StopLogging");
    assertThat(result.findings())
        .extracting(f -> f.rule().origin())
        .anyMatch(s -> s.endsWith("aws_cloudtrail_disable_logging.yml"));
    assertThat(result.findings())
        .extracting(f -> f.rule().name())
        .doesNotContain("th-cloudtrail-logging-stopped", "th-cloudtrail-trail-deleted");
  }
}
