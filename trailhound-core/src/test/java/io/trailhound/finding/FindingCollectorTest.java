package io.trailhound.finding;

import static io.trailhound.finding.TestEvents.event;
import static io.trailhound.finding.TestEvents.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FindingCollectorTest {

  private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
  private static final String BOB = "arn:aws:iam::111122223333:user/bob";

  @Test
  void one_rule_one_actor_one_day_is_one_finding_with_all_evidence() {
    FindingCollector c = new FindingCollector();
    RuleInfo r = rule("th-test", Severity.MEDIUM);
    c.add(r, event("e2", "2026-11-20T10:05:00Z", ALICE, "CreateUser"));
    c.add(r, event("e1", "2026-11-20T09:00:00Z", ALICE, "CreateUser"));
    c.add(r, event("e3", "2026-11-20T23:59:59Z", ALICE, "CreateUser"));

    List<Finding> findings = c.findings();

    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.evidence()).containsExactly("e1", "e2", "e3");
    assertThat(f.firstSeen()).hasToString("2026-11-20T09:00:00Z");
    assertThat(f.lastSeen()).hasToString("2026-11-20T23:59:59Z");
    assertThat(f.eventCount()).isEqualTo(3);
    assertThat(f.actor()).isEqualTo(ALICE);
    assertThat(f.sourceIps()).containsExactly("203.0.113.7");
  }

  @Test
  void different_actors_and_days_are_different_findings() {
    FindingCollector c = new FindingCollector();
    RuleInfo r = rule("th-test", Severity.MEDIUM);
    c.add(r, event("e1", "2026-11-20T09:00:00Z", ALICE, "CreateUser"));
    c.add(r, event("e2", "2026-11-20T09:00:00Z", BOB, "CreateUser"));
    c.add(r, event("e3", "2026-11-21T09:00:00Z", ALICE, "CreateUser"));

    assertThat(c.findings()).hasSize(3).extracting(Finding::id).doesNotHaveDuplicates();
  }

  @Test
  void findings_are_identical_whatever_the_order_events_arrive_in() {
    RuleInfo r = rule("th-test", Severity.HIGH);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String time =
          String.format(java.util.Locale.ROOT, "2026-11-20T%02d:%02d:00Z", i / 60, i % 60);
      events.add(event("e" + i, time, i % 2 == 0 ? ALICE : BOB, "CreateUser"));
    }
    List<Finding> reference = collect(r, events);
    Collections.shuffle(events, new Random(42));
    assertThat(collect(r, events)).isEqualTo(reference);
    assertThat(reference.get(0).evidence()).hasSize(FindingCollector.MAX_EVIDENCE);
    assertThat(reference.get(0).evidenceTruncated()).isTrue();
  }

  @Test
  void matches_gathered_on_several_threads_give_the_findings_one_thread_gives() throws Exception {
    RuleInfo r = rule("th-test", Severity.HIGH);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String time =
          String.format(java.util.Locale.ROOT, "2026-11-20T%02d:%02d:%02dZ", i / 60, i % 60, i % 7);
      events.add(event("e" + i, time, i % 3 == 0 ? BOB : ALICE, "CreateUser"));
    }
    FindingCollector one = new FindingCollector();
    events.forEach(e -> one.add(r, e));
    FindingCollector three = new FindingCollector();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int shard = t;
      threads.add(
          new Thread(
              () -> {
                for (int i = shard; i < events.size(); i += 3) {
                  three.add(r, events.get(events.size() - 1 - i));
                }
              },
              "collector-test-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(three.size()).isEqualTo(2);
    assertThat(three.findings()).isEqualTo(one.findings());
    assertThat(three.findings().get(0).evidence()).hasSize(FindingCollector.MAX_EVIDENCE);
    assertThat(three.findings().get(0).samples()).hasSize(FindingCollector.MAX_SAMPLES);
  }

  @Test
  void most_severe_findings_come_first() {
    FindingCollector c = new FindingCollector();
    c.add(rule("low", Severity.LOW), event("e1", "2026-11-20T09:00:00Z", ALICE, "CreateUser"));
    c.add(rule("crit", Severity.CRITICAL), event("e2", "2026-11-20T10:00:00Z", ALICE, "X"));
    assertThat(c.findings())
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL, Severity.LOW);
  }

  @Test
  void ids_are_stable_across_runs() {
    RuleInfo r = rule("th-test", Severity.MEDIUM);
    FindingCollector a = new FindingCollector();
    FindingCollector b = new FindingCollector();
    a.add(r, event("e1", "2026-11-20T09:00:00Z", ALICE, "CreateUser"));
    b.add(r, event("e1", "2026-11-20T09:00:00Z", ALICE, "CreateUser"));
    assertThat(a.findings().get(0).id()).isEqualTo(b.findings().get(0).id()).hasSize(36);
  }

  private static List<Finding> collect(RuleInfo r, List<Event> events) {
    FindingCollector c = new FindingCollector();
    events.parallelStream().forEach(e -> c.add(r, e));
    return c.findings();
  }
}
