package io.trailhound.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void parses_sigma_levels_and_labels() {
    assertThat(Severity.parse("informational")).isEqualTo(Severity.INFO);
    assertThat(Severity.parse("HIGH")).isEqualTo(Severity.HIGH);
    assertThatThrownBy(() -> Severity.parse("urgent")).hasMessageContaining("info, low, medium");
  }

  @Test
  void reads_attack_techniques_and_tactics_from_sigma_tags() {
    List<String> tags =
        List.of(
            "attack.persistence",
            "attack.t1098.001",
            "attack.privilege-escalation",
            "attack.T1078");
    assertThat(AttackTag.techniques(tags)).containsExactly("T1098.001", "T1078");
    assertThat(AttackTag.tactics(tags)).containsExactly("persistence", "privilege-escalation");
    assertThat(AttackTag.tacticTitle("privilege-escalation")).isEqualTo("Privilege Escalation");
  }
}
