package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import io.trailhound.finding.output.OutputFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityFindingsTest {

  @TempDir Path root;

  private static Problem problem(ProblemKind kind, String path, String trail, String from) {
    Instant t = Instant.parse(from);
    return new Problem(kind, path, "111122223333", "us-east-1", trail, t, t.plusSeconds(3600), "x");
  }

  @Test
  void one_finding_per_kind_account_region_and_trail_most_severe_first() {
    List<Finding> findings =
        IntegrityFindings.of(
            List.of(
                problem(ProblemKind.LOG_FILE_UNLISTED, "c", null, "2026-01-01T00:00:00Z"),
                problem(ProblemKind.LOG_FILE_MISSING, "b", "t", "2026-01-01T02:00:00Z"),
                problem(ProblemKind.LOG_FILE_MISSING, "a", "t", "2026-01-01T01:00:00Z"),
                problem(ProblemKind.LOG_FILE_MISSING, "d", "other", "2026-01-01T05:00:00Z")));

    assertThat(findings)
        .extracting(f -> f.rule().ruleId() + " " + f.actor() + " " + f.evidence())
        .containsExactly(
            "th-integrity-log-file-missing t [a, b]",
            "th-integrity-log-file-missing other [d]",
            "th-integrity-log-file-unlisted unknown [c]");
    Finding first = findings.get(0);
    assertThat(first.firstSeen()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(first.lastSeen()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
    assertThat(first.eventCount()).isEqualTo(2);
    assertThat(first.dedupKey())
        .isEqualTo("th-integrity-log-file-missing|111122223333|us-east-1|t");
  }

  @Test
  void the_same_problems_give_the_same_ids() {
    List<Problem> problems =
        List.of(problem(ProblemKind.LOG_FILE_ALTERED, "a", "t", "2026-01-01T00:00:00Z"));

    assertThat(IntegrityFindings.of(problems).get(0).id())
        .isEqualTo(IntegrityFindings.of(problems).get(0).id());
  }

  @Test
  void evidence_is_capped_like_every_finding() {
    List<Problem> many = new ArrayList<>();
    for (int i = 0; i < FindingCollector.MAX_EVIDENCE + 5; i++) {
      many.add(
          problem(ProblemKind.LOG_FILE_MISSING, "f" + (1000 + i), "t", "2026-01-01T00:00:00Z"));
    }

    Finding f = IntegrityFindings.of(many).get(0);

    assertThat(f.evidence()).hasSize(FindingCollector.MAX_EVIDENCE);
    assertThat(f.eventCount()).isEqualTo(FindingCollector.MAX_EVIDENCE + 5);
    assertThat(f.evidenceTruncated()).isTrue();
  }

  @Test
  void integrity_findings_go_through_every_output_format() throws IOException {
    TestTrail trail = TestTrail.write(root);
    Files.delete(trail.logs.get(0).get(0));
    Tampering.editRecord(trail.logs.get(1).get(0));
    List<Finding> findings = trail.verify().findings();
    Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

    for (OutputFormat format : OutputFormat.values()) {
      StringWriter out = new StringWriter();
      format.writer(clock, "test").write(findings, out);
      assertThat(out.toString()).as(format.label()).contains("th-integrity-log-file-missing");
    }
  }
}
