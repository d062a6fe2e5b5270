package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Resource;
import io.trailhound.finding.Finding;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static final Scanned CHAIN = Scanned.of(Scanned.fixture("role-chain.jsonl"));
  private static final Scanned CI = Scanned.of(Scanned.fixture("ci-routine.jsonl"));
  private static final Scanned LAUNCH = Scanned.of(Scanned.fixture("instance-launch.jsonl"));
  private static final Scanned OKTA =
      Scanned.of(
          Scanned.fixture("okta-hijack-okta.jsonl"),
          Scanned.fixture("okta-hijack-cloudtrail.jsonl"));
  private static final String MINER = "arn:aws:ec2:ca-central-1:111111111111:instance/i-0miner";

  @Test
  void findings_sharing_a_key_within_the_window_merge_into_one_incident_with_one_timeline() {
    Investigation a = CHAIN.investigator().investigate(CHAIN.finding("th-iam-user-created"));
    Investigation b = CHAIN.investigator().investigateActor("AKIAALICEKEY0000001");
    Investigation other = CI.investigator().investigateActor("ASIACIRUN0000000001");

    List<Incident> incidents = Incidents.group(List.of(other, b, a), Duration.ofHours(24));

    assertThat(incidents).hasSize(2);
    Incident merged =
        incidents.stream().filter(i -> i.investigations().size() == 2).findFirst().orElseThrow();
    assertThat(merged.shared()).contains("key AKIAALICEKEY0000001");
    assertThat(merged.verdict()).isEqualTo(Verdict.Kind.MALICIOUS);
    assertThat(merged.timeline()).extracting(Step::eventId).doesNotHaveDuplicates();
    assertThat(merged.timeline().get(0).eventId()).isEqualTo("rc-00-owner");
  }

  @Test
  void an_okta_finding_merges_with_the_aws_session_opened_from_the_thiefs_address() {
    Investigation replay =
        OKTA.investigator().investigate(OKTA.finding("th-okta-session-multiple-addresses"));
    Investigation thief = OKTA.investigator().investigateActor("ASIAOLIVIATHIEF0001");
    Investigation other = CI.investigator().investigateActor("ASIACIRUN0000000001");

    List<Incident> incidents = Incidents.group(List.of(other, thief, replay), Duration.ofHours(24));

    assertThat(incidents).hasSize(2);
    Incident merged =
        incidents.stream()
            .filter(i -> i.investigations().contains(replay))
            .findFirst()
            .orElseThrow();
    assertThat(merged.investigations()).containsExactlyInAnyOrder(replay, thief);
    assertThat(merged.shared()).contains("key ASIAOLIVIATHIEF0001");
    assertThat(merged.timeline().get(0).eventId()).isEqualTo("ok-04-replay");
  }

  @Test
  void a_victims_own_sso_session_does_not_join_the_incident_of_the_session_stolen_from_them() {
    Investigation home = OKTA.investigator().investigateActor("ASIAOLIVIAHOME00001");
    Investigation thief = OKTA.investigator().investigateActor("ASIAOLIVIATHIEF0001");
    Investigation thiefAgain = OKTA.investigator().investigateActor("194.165.16.79");

    // one IAM Identity Center principal ARN for both: olivia's session from home and the thief's
    assertThat(home.actor().principal())
        .isEqualTo(thief.actor().principal())
        .endsWith("AWSReservedSSO_PowerUserAccess_f76894f1858c8b11/olivia@example.com");

    List<Incident> incidents =
        Incidents.group(List.of(home, thief, thiefAgain), Incidents.DEFAULT_WINDOW);

    assertThat(incidents).hasSize(2);
    Incident stolen =
        incidents.stream()
            .filter(i -> i.investigations().contains(thief))
            .findFirst()
            .orElseThrow();
    assertThat(stolen.investigations()).containsExactlyInAnyOrder(thief, thiefAgain);
    assertThat(stolen.shared()).contains("key ASIAOLIVIATHIEF0001", "ip 194.165.16.79");
    assertThat(stolen.shared()).noneMatch(e -> e.contains("olivia@example.com"));
  }

  @Test
  void ids_and_order_do_not_depend_on_the_order_findings_arrive_in() {
    Investigation a = CHAIN.investigator().investigate(CHAIN.finding("th-iam-user-created"));
    Investigation other = CI.investigator().investigateActor("ASIACIRUN0000000001");

    List<Incident> one = Incidents.group(List.of(a, other), Incidents.DEFAULT_WINDOW);
    List<Incident> two = Incidents.group(List.of(other, a), Incidents.DEFAULT_WINDOW);

    assertThat(one).extracting(Incident::id).isEqualTo(two.stream().map(Incident::id).toList());
    assertThat(one.get(0).id()).startsWith("inc-").hasSize(20);
  }

  @Test
  void findings_further_apart_than_the_window_stay_separate() {
    Investigation a = CI.investigator().investigateActor("ASIACIRUN0000000000");
    Investigation b = CI.investigator().investigateActor("ASIACIRUN0000000004");
    Investigation c =
        CI.investigator()
            .investigateActor("arn:aws:sts::111111111111:assumed-role/ci-deploy/GitHubActions");

    assertThat(Incidents.group(List.of(a, b), Duration.ofHours(1))).hasSize(2);
    assertThat(Incidents.group(List.of(a, b, c), Duration.ofHours(1))).hasSize(1);
  }

  @Test
  void network_findings_on_an_instance_join_the_incident_of_the_actor_who_launched_it() {
    Investigation launch = LAUNCH.investigator().investigateActor("AKIABOBKEY000000001");
    Investigation second =
        LAUNCH
            .investigator()
            .investigate(
                networkFinding(
                    "net-crypto-mining-port",
                    "i-0miner00000000002",
                    MINER + "00000000002",
                    "2026-11-16T10:26:31Z",
                    "2026-11-16T20:26:32Z"));
    Investigation unrelated =
        LAUNCH
            .investigator()
            .investigate(
                networkFinding(
                    "net-beaconing",
                    "i-0other0000000001",
                    "arn:aws:ec2:ca-central-1:111111111111:instance/i-0other0000000001",
                    "2026-11-16T10:30:00Z",
                    "2026-11-16T11:00:00Z"));

    assertThat(launch.actor().links())
        .contains(
            new Link(
                "arn:aws:iam::111111111111:user/bob",
                MINER + "00000000001",
                "launched-instance",
                "il-03-launch"),
            new Link(
                "arn:aws:iam::111111111111:user/bob",
                MINER + "00000000002",
                "launched-instance",
                "il-03-launch"));
    // the denied launch started nothing
    assertThat(launch.actor().values("instance")).hasSize(2);

    List<Incident> incidents =
        Incidents.group(List.of(unrelated, second, launch), Incidents.DEFAULT_WINDOW);

    assertThat(incidents).hasSize(2);
    Incident joined =
        incidents.stream().filter(i -> i.investigations().size() == 2).findFirst().orElseThrow();
    assertThat(joined.investigations()).contains(launch, second);
    assertThat(joined.shared()).containsExactly("instance " + MINER + "00000000002");
    assertThat(joined.first()).isEqualTo(Instant.parse("2026-11-16T10:00:00Z"));
  }

  /** A network finding: its evidence is flow records, which the event index does not hold. */
  private static Finding networkFinding(String rule, String actor, String from, String to) {
    return networkFinding(rule, actor, MINER + "00000000001", from, to);
  }

  private static Finding networkFinding(
      String rule, String actor, String instance, String from, String to) {
    return new Finding(
        rule + "-id",
        rule + "|" + actor,
        new RuleInfo(
            rule, rule, rule, "", Severity.MEDIUM, List.of(), List.of(), List.of(), "builtin"),
        "111111111111",
        "ca-central-1",
        actor,
        "EC2Instance",
        List.of(),
        List.of("198.51.100.7"),
        List.of(new Resource(instance, "AWS::EC2::Instance", "111111111111")),
        Instant.parse(from),
        Instant.parse(to),
        12,
        List.of(),
        List.of(),
        "12 connections to 198.51.100.7:3333");
  }

  @Test
  void network_findings_on_one_instance_merge_and_keep_their_own_times() {
    Investigation flow =
        CHAIN
            .investigator()
            .investigate(
                networkFinding(
                    "net-crypto-mining-port",
                    "i-0miner00000000001 (eni-0aaa)",
                    "2026-11-16T10:26:31Z",
                    "2026-11-16T20:26:32Z"));
    Investigation dns =
        CHAIN
            .investigator()
            .investigate(
                networkFinding(
                    "dns-threat-intel",
                    "i-0miner00000000001",
                    "2026-11-16T10:26:00Z",
                    "2026-11-16T10:27:00Z"));

    List<Incident> incidents = Incidents.group(List.of(flow, dns), Incidents.DEFAULT_WINDOW);

    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.shared())
        .containsExactly(
            "instance arn:aws:ec2:ca-central-1:111111111111:instance/i-0miner00000000001");
    assertThat(incident.first()).isEqualTo(Instant.parse("2026-11-16T10:26:00Z"));
    assertThat(incident.last()).isEqualTo(Instant.parse("2026-11-16T20:26:32Z"));
  }

  @Test
  void reports_take_malicious_incidents_before_earlier_suspicious_ones() {
    Investigation malicious =
        CHAIN.investigator().investigate(CHAIN.finding("th-iam-user-created"));
    Investigation network =
        CHAIN
            .investigator()
            .investigate(
                networkFinding(
                    "net-beaconing",
                    "i-0miner00000000001",
                    "2000-01-01T00:00:00Z",
                    "2000-01-01T01:00:00Z"));

    List<Incident> incidents =
        Incidents.bySeriousness(Incidents.group(List.of(network, malicious), Duration.ofHours(1)));

    assertThat(incidents).extracting(Incident::verdict).first().isEqualTo(Verdict.Kind.MALICIOUS);
  }
}
