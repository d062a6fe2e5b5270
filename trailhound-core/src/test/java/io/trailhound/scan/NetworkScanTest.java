package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.source.net.NetworkOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans that mix log types, and the cost-control options. */
class NetworkScanTest {

  @TempDir Path dir;

  private static Path testResource(String name) throws URISyntaxException {
    return Path.of(NetworkScanTest.class.getResource(name).toURI());
  }

  @Test
  void one_directory_mixing_cloudtrail_flow_and_resolver_logs_is_read_by_the_right_readers()
      throws Exception {
    Files.copy(testResource("/cloudtrail/formats/lines.jsonl"), dir.resolve("trail.jsonl"));
    Files.copy(
        NetworkScans.resource("net-port-scan/match/vertical-scan.log"), dir.resolve("flows.log"));
    Files.copy(
        NetworkScans.resource("dns-exfiltration/match/base32-tunnel.jsonl"),
        dir.resolve("dns.jsonl"));
    ScanResult r = NetworkScans.scan(List.of(dir));
    assertThat(r.ingest().eventsDelivered()).isPositive();
    assertThat(r.ingest().skipped()).isZero();
    assertThat(r.network().flowFiles()).isEqualTo(1);
    assertThat(r.network().flowRecords()).isEqualTo(212);
    assertThat(r.network().dnsQueries()).isEqualTo(80);
    assertThat(r.findings())
        .extracting(f -> f.rule().types())
        .contains(List.of("Recon:EC2/Portscan"), List.of("Trojan:EC2/DNSDataExfiltration"));
    assertThat(r.nothingRead()).isFalse();
  }

  @Test
  void a_scan_of_only_network_logs_has_read_something() throws Exception {
    ScanResult r =
        NetworkScans.scan(List.of(NetworkScans.resource("net-spambot/match/smtp-fanout.log")));
    assertThat(r.ingest().filesRead()).isZero();
    assertThat(r.nothingRead()).isFalse();
  }

  @Test
  void network_findings_carry_instance_interface_and_remote_addresses() throws Exception {
    ScanResult r =
        NetworkScans.scan(List.of(NetworkScans.resource("net-brute-force/match/ssh-inbound.log")));
    Finding f =
        r.findings().stream()
            .filter(x -> x.rule().ruleId().equals("net-brute-force"))
            .findFirst()
            .orElseThrow();
    assertThat(f.actor()).isEqualTo("203.0.113.9");
    assertThat(f.account()).isEqualTo("111122223333");
    assertThat(f.sourceIps()).containsExactly("203.0.113.9");
    assertThat(f.resources())
        .extracting(x -> x.type())
        .containsExactly("AWS::EC2::Instance", "AWS::EC2::NetworkInterface");
    assertThat(f.eventCount()).isEqualTo(30);
    assertThat(f.severity().label()).isEqualTo("low");
    assertThat(f.explanation()).contains("within 29 min");
  }

  @Test
  void rollups_keep_what_scan_probe_brute_force_and_volume_detectors_count() throws Exception {
    List<Path> files =
        List.of(
            NetworkScans.resource("net-port-scan/match/vertical-scan.log"),
            NetworkScans.resource("net-brute-force/match/ssh-inbound.log"),
            NetworkScans.resource("net-port-probe/match/ssh-open-to-scanners.log"),
            NetworkScans.resource("net-unusual-volume/match/600mb-hour.log"));
    ScanResult full = NetworkScans.scan(files);
    ScanResult rolled = NetworkScans.scan(files, new NetworkOptions(null, true, 1, 1));
    assertThat(rolled.network().flowEvaluated())
        .isLessThanOrEqualTo(full.network().flowEvaluated());
    assertThat(rolled.findings())
        .extracting(Finding::explanation)
        .containsExactlyInAnyOrderElementsOf(
            full.findings().stream().map(Finding::explanation).toList());
  }

  @Test
  void sampling_accepted_flows_keeps_every_rejected_probe() throws Exception {
    List<Path> files = List.of(NetworkScans.resource("net-port-scan/match/vertical-scan.log"));
    ScanResult sampled = NetworkScans.scan(files, new NetworkOptions(null, false, 10, 1));
    assertThat(sampled.findings())
        .anySatisfy(f -> assertThat(f.rule().types()).containsExactly("Recon:EC2/Portscan"));
    assertThat(sampled.network().flowRecords()).isEqualTo(212);
    assertThat(sampled.network().flowEvaluated()).isBetween(209L, 212L);
  }

  @Test
  void results_do_not_depend_on_threads_or_file_order() throws Exception {
    List<Path> files =
        List.of(
            NetworkScans.resource("net-beaconing/match/every-5-min.log"),
            NetworkScans.resource("net-dos/match/udp-flood.log"),
            NetworkScans.resource("dns-dga/match/dga-sweep.jsonl"),
            NetworkScans.resource("net-tor-relay/match/relay.log"));
    ScanResult one = NetworkScans.scan(files);
    ScanResult many = NetworkScans.scan(reverse(files), new NetworkOptions(null, false, 1, 4));
    assertThat(many.findings()).isEqualTo(one.findings());
  }

  private static List<Path> reverse(List<Path> in) {
    List<Path> out = new java.util.ArrayList<>(in);
    java.util.Collections.reverse(out);
    return out;
  }
}
