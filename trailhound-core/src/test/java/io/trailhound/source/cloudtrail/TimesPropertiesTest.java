package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written fast path for CloudTrail's time form answers exactly like the formatter. */
class TimesPropertiesTest {

  @Property(tries = 3000)
  void fast_path_agrees_with_instant_parse(@ForAll("nearlyTimes") String text) {
    Instant fast = Times.plainUtc(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
    }
    assertThat(Times.parse(text)).isEqualTo(general(text));
  }

  @Example
  void edge_cases_fall_back_to_the_formatter() {
    assertThat(Times.plainUtc("2024-02-29T23:59:59Z")).isEqualTo("2024-02-29T23:59:59Z");
    assertThat(Times.plainUtc("2023-02-29T00:00:00Z")).isNull();
    assertThat(Times.plainUtc("2023-12-31T23:59:60Z")).isNull();
    assertThat(Times.plainUtc("2023-12-31T24:00:00Z")).isNull();
    assertThat(Times.plainUtc("2023-12-31t10:00:00z")).isNull();
    assertThat(Times.parse("2023-12-31T24:00:00Z"))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(Times.parse("2023-12-31t10:00:00z"))
        .isEqualTo(Instant.parse("2023-12-31T10:00:00Z"));
  }

  /** What {@link Times#parse} answered before the fast path existed. */
  private static Instant general(String text) {
    if (text.length() < 19 || text.length() > 40) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      return java.time.LocalDateTime.parse(iso).toInstant(java.time.ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Provide
  Arbitrary<String> nearlyTimes() {
    Arbitrary<String> valid =
        Arbitraries.longs()
            .between(-62_135_596_800L, 253_402_300_799L)
            .map(s -> Instant.ofEpochSecond(s).toString());
    Arbitrary<String> fields =
        Arbitraries.of("0000", "1970", "2000", "2023", "2024", "2100", "9999")
            .flatMap(
                y ->
                    Arbitraries.integers()
                        .between(0, 13)
                        .flatMap(
                            m ->
                                Arbitraries.integers()
                                    .between(0, 32)
                                    .flatMap(
                                        d ->
                                            Arbitraries.integers()
                                                .between(0, 25)
                                                .flatMap(
                                                    h ->
                                                        Arbitraries.integers()
                                                            .between(0, 61)
                                                            .map(
                                                                x ->
                                                                    String.format(
                                                                        java.util.Locale.ROOT,
                                                                        "%s-%02d-%02dT%02d:%02d:%02dZ",
                                                                        y,
                                                                        m,
                                                                        d,
                                                                        h,
                                                                        x % 61,
                                                                        x))))));
    Arbitrary<String> mutated =
        valid.flatMap(
            v ->
                Arbitraries.integers()
                    .between(0, v.length() - 1)
                    .flatMap(
                        i ->
                            Arbitraries.of('0', '9', 'T', 't', 'Z', 'z', ' ', '-', ':', '+', '٣')
                                .map(c -> v.substring(0, i) + c + v.substring(i + 1))));
    return Arbitraries.oneOf(valid, fields, mutated);
  }
}
