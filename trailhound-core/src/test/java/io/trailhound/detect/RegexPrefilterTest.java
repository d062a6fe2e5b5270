package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexPrefilterTest {

  @Test
  void finds_the_longest_literal_every_match_needs() {
    assertThat(RegexPrefilter.requiredLiteral(".+:assumed-role/aws:.+"))
        .isEqualTo(":assumed-role/aws:");
    assertThat(RegexPrefilter.requiredLiteral("^arn:aws:iam::\\d+:root$"))
        .isEqualTo("arn:aws:iam::");
    assertThat(RegexPrefilter.requiredLiteral("a\\.example\\.com")).isEqualTo("a.example.com");
  }

  @Test
  void drops_characters_made_optional_by_a_quantifier() {
    assertThat(RegexPrefilter.requiredLiteral("colou?rfully")).isEqualTo("rfully");
    assertThat(RegexPrefilter.requiredLiteral("abcd*efg")).isEqualTo("abc");
    assertThat(RegexPrefilter.requiredLiteral("abcd{0,2}xyz")).isEqualTo("abc");
  }

  @Test
  void gives_up_on_alternation_and_ignores_groups_and_classes() {
    assertThat(RegexPrefilter.requiredLiteral("evil|bad")).isNull();
    assertThat(RegexPrefilter.requiredLiteral("(optional)?[abc]+xy")).isNull();
    assertThat(RegexPrefilter.requiredLiteral("(?i)powershell")).isEqualTo("powershell");
    assertThat(RegexPrefilter.requiredLiteral("[a-z]]+tail")).isEqualTo("tail");
  }

  @Test
  void literal_test_ignores_ascii_case_when_asked() {
    assertThat(RegexPrefilter.occursIn("shell", "PowerSHELL -enc", true)).isTrue();
    assertThat(RegexPrefilter.occursIn("shell", "PowerSHELL -enc", false)).isFalse();
  }
}
