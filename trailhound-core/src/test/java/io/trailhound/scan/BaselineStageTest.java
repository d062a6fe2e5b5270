package io.trailhound.scan;

import static io.trailhound.scan.BaselineRun.of;
import static io.trailhound.scan.BaselineRun.scan;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.detect.baseline.AwsIpRanges;
import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineStageTest {

  private static final String SVC_KEY = "AKIAQRSTUVWXYZSVCREP";

  @Test
  void flags_a_known_key_used_from_a_new_country_and_asn() {
    List<Finding> location =
        of(scan("history.jsonl", "attack.jsonl"), "th-baseline-unusual-location");

    assertThat(location).hasSize(1);
    Finding f = location.get(0);
    assertThat(f.accessKeyIds()).containsExactly(SVC_KEY);
    assertThat(f.sourceIps()).containsExactly("203.0.113.66");
    assertThat(f.rule().types()).contains("UnauthorizedAccess:IAMUser/UnusualASNCaller");
    assertThat(f.samples().get(0).api()).isEqualTo("GetCallerIdentity");
    assertThat(f.explanation())
        .startsWith("key " + SVC_KEY + " used from 203.0.113.66, AS64511 Example Hosting BV (NL)")
        .contains("new country NL and AS64511")
        .contains("seen before only from AS64496 (36 in all) in US (36 in all) over 13 days")
        .contains("50 events in all, 28% of them in the hour from 20:00 UTC")
        .contains("user agent aws-cli/2.x (never used before)");
  }

  @Test
  void an_office_address_change_within_the_same_network_and_country_is_not_unusual() {
    List<Finding> findings = scan("history.jsonl", "attack.jsonl");
    assertThat(findings)
        .noneMatch(f -> f.actor().endsWith(":user/alice"))
        .as("alice's day-13 IAM work from 192.0.2.77 is her normal work");
  }

  @Test
  void flags_the_first_defence_evasion_call_of_a_known_key_but_not_an_admins_usual_iam_work() {
    List<Finding> findings = scan("history.jsonl", "attack.jsonl");
    List<Finding> evasion = of(findings, "th-baseline-anomalous-defense-evasion");
    assertThat(evasion).hasSize(1);
    assertThat(evasion.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(evasion.get(0).rule().types())
        .containsExactly("DefenseEvasion:IAMUser/AnomalousBehavior");
    assertThat(evasion.get(0).explanation())
        .contains("called cloudtrail.amazonaws.com StopLogging")
        .contains("its first defense-evasion call")
        .contains("used only discovery");
    assertThat(of(findings, "th-baseline-anomalous-persistence")).isEmpty();
    assertThat(of(findings, "th-baseline-anomalous-privilege-escalation")).isEmpty();
  }

  @Test
  void nothing_is_reported_while_an_actor_is_still_learning() {
    List<Finding> findings =
        BaselineRun.scan(
            BaselineStage.newStore(),
            BaselineRun.config().withLearning(Duration.ofDays(30)),
            2,
            "history.jsonl",
            "attack.jsonl");
    assertThat(findings)
        .extracting(f -> f.rule().ruleId())
        .containsExactly("th-baseline-access-denied-burst");
  }

  @Test
  void a_burst_of_denied_calls_is_reported_but_denials_spread_over_a_day_are_not() {
    List<Finding> burst =
        of(scan("history.jsonl", "attack.jsonl"), "th-baseline-access-denied-burst");
    assertThat(burst).hasSize(1);
    assertThat(burst.get(0).eventCount()).isEqualTo(12);
    assertThat(burst.get(0).evidence()).hasSize(12);
    assertThat(burst.get(0).explanation()).contains("was denied 12 times between");

    assertThat(scan("ci-launches.jsonl", "denied-spread.jsonl")).isEmpty();
  }

  @Test
  void a_ci_roles_daily_launch_is_usual_and_a_gpu_launch_in_a_new_region_is_not() {
    assertThat(scan("ci-launches.jsonl", "ci-launch-usual.jsonl")).isEmpty();

    List<Finding> launch =
        of(scan("ci-launches.jsonl", "ci-launch-gpu.jsonl"), "th-baseline-instance-launch-unusual");
    assertThat(launch).hasSize(1);
    assertThat(launch.get(0).rule().types())
        .containsExactly("Behavior:IAMUser/InstanceLaunchUnusual");
    assertThat(launch.get(0).explanation())
        .startsWith(
            "principal arn:aws:sts::111122223333:assumed-role/ci-deploy/github-actions-1234"
                + " called RunInstances")
        .contains("new instance type p4d.24xlarge and launch region ap-southeast-1")
        .contains("before it launched only t3.small (12 in all) in us-east-1 (12 in all)");
  }

  @Test
  void instance_credentials_used_from_elsewhere_are_reported_outside_or_inside_aws() {
    assertThat(scan("instance-own.jsonl")).isEmpty();

    List<Finding> findings = scan("instance-own.jsonl", "instance-stolen.jsonl");
    List<Finding> outside = of(findings, "th-baseline-instance-credential-outside-aws");
    List<Finding> inside = of(findings, "th-baseline-instance-credential-inside-aws");
    assertThat(outside)
        .singleElement()
        .satisfies(f -> assertThat(f.sourceIps()).containsExactly("203.0.113.66"));
    assertThat(outside.get(0).explanation())
        .contains("no AWS ranges file given")
        .contains("the instance's own addresses: 10.0.1.25, 192.0.2.150");
    assertThat(inside)
        .singleElement()
        .satisfies(f -> assertThat(f.sourceIps()).containsExactly("198.51.100.200"));
    assertThat(inside.get(0).explanation())
        .contains("an address of an instance in account 999988887777");
  }

  @Test
  void with_aws_ranges_an_address_inside_them_is_not_outside_aws() throws Exception {
    AwsIpRanges ranges = AwsIpRanges.load(BaselineRun.DIR.resolve("ip-ranges-sample.json"));
    List<Finding> findings =
        BaselineRun.scan(
            BaselineStage.newStore(),
            BaselineRun.config().withAwsRanges(ranges),
            2,
            "instance-own.jsonl",
            "instance-stolen.jsonl");
    assertThat(of(findings, "th-baseline-instance-credential-outside-aws"))
        .singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("outside AWS's published ranges"));
  }

  @Test
  void console_sign_ins_an_hour_apart_in_the_us_and_the_netherlands_are_impossible_travel() {
    List<Finding> travel = of(scan("logins-impossible.jsonl"), "th-baseline-impossible-travel");
    assertThat(travel).hasSize(1);
    assertThat(travel.get(0).evidence()).hasSize(2);
    assertThat(travel.get(0).explanation())
        .contains("from 203.0.113.66 (NL)")
        .contains("60 minutes after signing in from 198.51.100.23 (US)")
        .contains("km/h, above 1,000 km/h");

    assertThat(of(scan("logins-possible.jsonl"), "th-baseline-impossible-travel")).isEmpty();
  }

  @Test
  void many_more_distinct_describe_calls_in_an_hour_than_ever_before_is_unusual_enumeration() {
    assertThat(scan("enumeration-history.jsonl")).isEmpty();
    List<Finding> volume =
        of(
            scan("enumeration-history.jsonl", "enumeration-burst.jsonl"),
            "th-baseline-enumeration-volume");
    assertThat(volume).hasSize(1);
    assertThat(volume.get(0).explanation())
        .contains("called 24 distinct List/Describe/Get APIs")
        .contains("its busiest hour before had 3 over 20 hours");
  }
}
