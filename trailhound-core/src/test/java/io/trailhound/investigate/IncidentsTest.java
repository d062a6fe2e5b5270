package io.trailhound.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static final Scanned CHAIN = Scanned.of(Scanned.fixture("role-chain.jsonl"));
  private static final Scanned CI = Scanned.of(Scanned.fixture("ci-routine.jsonl"));

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
}
