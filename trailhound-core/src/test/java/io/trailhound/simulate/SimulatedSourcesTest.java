package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.event.net.DnsQuery;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.simulate.truth.TruthScenario;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.IngestOptions;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.cloudtrail.IngestService;
import io.trailhound.source.dns.DnsLogReader;
import io.trailhound.source.text.ReadCounts;
import io.trailhound.source.text.SkipLog;
import io.trailhound.source.vpcflow.FlowLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources beside CloudTrail: read by the real readers, and telling the same story. */
class SimulatedSourcesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path tmp;
  static SimulationSummary sim;

  @BeforeAll
  static void simulate() throws IOException {
    sim = Simulator.run(SimulatorTest.small(19, tmp.resolve("sim")));
  }

  @Test
  void every_flow_record_is_read_by_the_flow_reader_without_skips() throws IOException {
    List<FlowRecord> flows = flows();

    assertThat(flows).hasSize((int) sim.other().flowRecords()).hasSizeGreaterThan(1000);
    assertThat(flows).allMatch(f -> f.version() == 5 && f.instanceId() != null);
  }

  @Test
  void every_resolver_query_is_read_by_the_dns_reader_without_skips() throws IOException {
    List<DnsQuery> queries = queries();

    assertThat(queries).hasSize((int) sim.other().dnsQueries()).hasSizeGreaterThan(100);
    assertThat(queries).allMatch(q -> q.instanceId() != null && !q.answers().isEmpty());
  }

  @Test
  void every_okta_entra_and_m365_record_is_read_without_skips() {
    List<Event> events = identity();

    assertThat(events).hasSize((int) sim.other().identityEvents());
    assertThat(events).extracting(Event::sourceType).contains("okta", "entra", "m365");
    assertThat(events)
        .filteredOn(e -> e.sourceType().equals("m365"))
        .extracting(e -> e.view().api())
        .contains("UserLoggedIn", "FileAccessed", "MailItemsAccessed");
  }

  @Test
  void turning_a_source_off_leaves_the_others_byte_for_byte() throws IOException {
    Path out = tmp.resolve("okta-only");
    Simulator.run(
        SimulatorTest.small(19, out)
            .withSources(EnumSet.of(SimulatedSource.OKTA, SimulatedSource.VPCFLOW)));

    Path all = sim.logs().getParent();
    for (String day : List.of("okta/system-log-2026-11-16.jsonl")) {
      assertThat(Files.readAllBytes(out.resolve(day)))
          .isEqualTo(Files.readAllBytes(all.resolve(day)));
    }
    try (Stream<Path> files = Files.walk(out.resolve("AWSLogs"))) {
      List<Path> flows = files.filter(f -> f.toString().endsWith(".log.gz")).toList();
      assertThat(flows).isNotEmpty().allMatch(f -> f.toString().contains("vpcflowlogs"));
      for (Path f : flows) {
        assertThat(Files.readAllBytes(f))
            .isEqualTo(
                Files.readAllBytes(
                    all.resolve("AWSLogs").resolve(out.resolve("AWSLogs").relativize(f))));
      }
    }
  }

  @Test
  void an_okta_sso_from_the_same_address_precedes_each_persons_aws_sso_session() {
    List<Event> okta =
        identity().stream().filter(e -> e.view().api().equals("user.authentication.sso")).toList();
    ConcurrentLinkedQueue<Event> trail = new ConcurrentLinkedQueue<>();
    IngestReport report =
        new IngestService(CLOCK)
            .run(
                InputSpec.expand(List.of(sim.logs().toString())).inputs().stream()
                    .filter(i -> i.location().contains("CloudTrail"))
                    .toList(),
                IngestOptions.defaults(),
                trail::add);
    assertThat(report.skipped()).isZero();
    List<Event> sso =
        trail.stream()
            .filter(e -> e.view().actor().principalArn() != null)
            .filter(e -> e.view().actor().principalArn().contains(":assumed-role/AWSReservedSSO_"))
            .toList();

    assertThat(okta).isNotEmpty();
    assertThat(sso).hasSizeGreaterThan(50);
    for (Event e : sso) {
      String email = e.view().actor().sessionName();
      Instant t = e.view().time();
      assertThat(okta)
          .as("Okta SSO of %s before %s from %s", email, t, e.view().source().ip())
          .anyMatch(
              o ->
                  email.equals(o.view().actor().email())
                      && e.view().source().ip().equals(o.view().source().ip())
                      && !o.view().time().isAfter(t)
                      && Duration.between(o.view().time(), t).toHours() < 24);
    }
  }

  @Test
  void the_cryptomining_instance_shows_in_flows_to_a_stratum_port_and_a_pool_lookup()
      throws IOException {
    List<TruthScenario> mining =
        sim.truth().scenarios().stream().filter(s -> s.kind().equals("cryptomining")).toList();
    List<FlowRecord> flows = flows();
    List<DnsQuery> queries = queries();

    assertThat(mining).isNotEmpty();
    for (TruthScenario s : mining) {
      assertThat(s.networkIds()).isNotEmpty();
      assertThat(s.networkEvidence()).isNotEmpty();
      String instance = s.networkIds().get(0);
      String eni = s.networkIds().get(1);
      assertThat(flows)
          .anyMatch(
              f ->
                  f.instanceId().equals(instance)
                      && f.interfaceId().equals(eni)
                      && List.of(3333, 5555, 14444).contains(f.dstPort()));
      assertThat(queries)
          .anyMatch(
              q ->
                  instance.equals(q.instanceId())
                      && (q.queryName().contains("supportxmr")
                          || q.queryName().contains("nanopool")));
    }
  }

  @Test
  void cloudtrail_only_writes_nothing_else() throws IOException {
    Path out = tmp.resolve("trail-only");
    Simulator.run(SimulatorTest.small(19, out).withSources(EnumSet.of(SimulatedSource.CLOUDTRAIL)));

    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()))
          .isNotEmpty()
          .noneMatch(f -> f.startsWith("okta") || f.startsWith("entra"))
          .filteredOn(f -> f.startsWith("AWSLogs"))
          .isNotEmpty()
          .allMatch(f -> f.contains("/CloudTrail/") || f.contains("/CloudTrail-Digest/"));
    }
  }

  private static List<Path> files(String part) throws IOException {
    try (Stream<Path> files = Files.walk(sim.logs())) {
      return files.filter(f -> f.toString().contains(part)).filter(Files::isRegularFile).toList();
    }
  }

  private static List<FlowRecord> flows() throws IOException {
    SkipLog skips = new SkipLog(5);
    List<FlowRecord> out = new ArrayList<>();
    for (Path f : files("vpcflowlogs")) {
      try (InputStream in = Files.newInputStream(f)) {
        new FlowLogReader(null, skips, new ReadCounts()).read(f.toString(), in, out::add);
      }
    }
    assertThat(skips.total()).as("%s", skips.examples()).isZero();
    return out;
  }

  private static List<DnsQuery> queries() throws IOException {
    SkipLog skips = new SkipLog(5);
    List<DnsQuery> out = new ArrayList<>();
    for (Path f : files("vpcdnsquerylogs")) {
      try (InputStream in = Files.newInputStream(f)) {
        new DnsLogReader(skips, new ReadCounts()).read(f.toString(), in, out::add);
      }
    }
    assertThat(skips.total()).as("%s", skips.examples()).isZero();
    return out;
  }

  private static List<Event> identity() {
    ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    IngestReport report =
        new IngestService(CLOCK)
            .run(
                InputSpec.expand(
                        List.of(
                            sim.logs().getParent().resolve("okta").toString(),
                            sim.logs().getParent().resolve("entra").toString(),
                            sim.logs().getParent().resolve("m365").toString()))
                    .inputs(),
                IngestOptions.defaults(),
                events::add);
    assertThat(report.skipped()).isZero();
    assertThat(report.eventsBySource()).containsKeys("okta", "entra", "m365");
    return List.copyOf(events);
  }
}
